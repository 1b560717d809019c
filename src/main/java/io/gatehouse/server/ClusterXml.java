package io.gatehouse.server;

import io.gatehouse.config.ClusterMember;
import io.gatehouse.config.ClusterSettings;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.StringJoiner;

/**
 * The {@code <Cluster>} element a standalone Tomcat reads from server.xml, for these settings: the launcher builds
 * its cluster from it, and docker/tomcat/setenv.sh writes the same (ClusterConfigurationTest holds them together).
 * DeltaManager, synchronous replication with acknowledgement, static members; why: docs/decisions/022.
 * Hosts and ports are checked by {@link ClusterMember}, so nothing here needs escaping.
 */
final class ClusterXml {

    /** {@code Channel.SEND_OPTIONS_SYNCHRONIZED_ACK | Channel.SEND_OPTIONS_USE_ACK}: on every node before the answer. */
    static final int SYNCHRONOUS_WITH_ACK = 6;

    private ClusterXml() {
    }

    static String of(ClusterSettings settings) {
        StringJoiner members = new StringJoiner("\n");
        for (ClusterMember member : settings.members()) {
            members.add("            <Member className=\"org.apache.catalina.tribes.membership.StaticMember\""
                    + " host=\"" + member.host() + "\" port=\"" + member.port() + "\" uniqueId=\"" + uniqueId(member)
                    + "\"/>");
        }
        return """
                <Cluster className="org.apache.catalina.ha.tcp.SimpleTcpCluster" channelSendOptions="%d">
                    <Manager className="org.apache.catalina.ha.session.DeltaManager" expireSessionsOnShutdown="false"
                             notifyListenersOnReplication="true"/>
                    <Channel className="org.apache.catalina.tribes.group.GroupChannel">
                        <Membership className="org.apache.catalina.tribes.membership.StaticMembershipService">
                %s
                        </Membership>
                        <Receiver className="org.apache.catalina.tribes.transport.nio.NioReceiver" address="%s" port="%d"
                                  autoBind="1"/>
                        <Sender className="org.apache.catalina.tribes.transport.ReplicationTransmitter">
                            <Transport className="org.apache.catalina.tribes.transport.nio.PooledParallelSender"/>
                        </Sender>
                        <Interceptor className="org.apache.catalina.tribes.group.interceptors.TcpFailureDetector"/>
                        <Interceptor className="org.apache.catalina.tribes.group.interceptors.MessageDispatchInterceptor"/>
                    </Channel>
                    <Valve className="org.apache.catalina.ha.tcp.ReplicationValve" filter=""/>
                    <ClusterListener className="org.apache.catalina.ha.session.ClusterSessionListener"/>
                </Cluster>
                """.formatted(SYNCHRONOUS_WITH_ACK, members, settings.address(), settings.port());
    }

    /**
     * Tribes tells members apart by a 16-byte id that every node must give the same member: the MD5 of its
     * {@code host:port} as written in the list, in Tribes' notation of signed bytes. An identifier, not a secret.
     */
    static String uniqueId(ClusterMember member) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(member.toString().getBytes(StandardCharsets.US_ASCII));
            StringJoiner bytes = new StringJoiner(",", "{", "}");
            for (byte b : digest) {
                bytes.add(Byte.toString(b));
            }
            return bytes.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has MD5", e);
        }
    }
}
