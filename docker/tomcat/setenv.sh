# Sourced by Tomcat's catalina.sh. Gatehouse's settings come from the environment (README, Configuration);
# the WAR reads GATEHOUSE_DB_URL, GATEHOUSE_DB_USER and GATEHOUSE_DB_PASSWORD itself.
CATALINA_OPTS="$CATALINA_OPTS -Dgatehouse.address=${GATEHOUSE_ADDRESS:-0.0.0.0} -Dgatehouse.port=${GATEHOUSE_PORT:-8080}"
# GATEHOUSE_TRUSTED_PROXIES is a regular expression (127\.0\.0\.1|10\.0\.0\.2): quoted, as catalina.sh evals these.
CATALINA_OPTS="$CATALINA_OPTS -Dgatehouse.trusted.proxies='${GATEHOUSE_TRUSTED_PROXIES:-}'"

# A Tomcat cluster (docs/decisions/022) when GATEHOUSE_CLUSTER_MEMBERS is set: conf/cluster.xml, which server.xml
# includes in its Engine, gets the same <Cluster> as the launcher's (server/ClusterXml; ClusterConfigurationTest
# compares the two). Unset, conf/cluster.xml is a comment, and Tomcat runs no cluster.
gatehouse_unique_id() {
    gatehouse_bytes=""
    for gatehouse_hex in $(printf '%s' "$1" | md5sum | cut -c1-32 | sed 's/../& /g'); do
        gatehouse_byte=$(printf '%d' "0x$gatehouse_hex")
        [ "$gatehouse_byte" -gt 127 ] && gatehouse_byte=$((gatehouse_byte - 256))
        gatehouse_bytes="$gatehouse_bytes${gatehouse_bytes:+,}$gatehouse_byte"
    done
    printf '{%s}' "$gatehouse_bytes"
}

gatehouse_cluster_xml() {
    printf '<Cluster className="org.apache.catalina.ha.tcp.SimpleTcpCluster" channelSendOptions="6">\n'
    printf '    <Manager className="org.apache.catalina.ha.session.DeltaManager" expireSessionsOnShutdown="false"\n'
    printf '             notifyListenersOnReplication="true"/>\n'
    printf '    <Channel className="org.apache.catalina.tribes.group.GroupChannel">\n'
    printf '        <Membership className="org.apache.catalina.tribes.membership.StaticMembershipService">\n'
    for gatehouse_member in $(printf '%s' "$GATEHOUSE_CLUSTER_MEMBERS" | tr 'A-Z,' 'a-z '); do
        printf '            <Member className="org.apache.catalina.tribes.membership.StaticMember" host="%s" port="%s" uniqueId="%s"/>\n' \
            "${gatehouse_member%:*}" "${gatehouse_member##*:}" "$(gatehouse_unique_id "$gatehouse_member")"
    done
    printf '        </Membership>\n'
    printf '        <Receiver className="org.apache.catalina.tribes.transport.nio.NioReceiver" address="%s" port="%s"\n' \
        "${GATEHOUSE_CLUSTER_ADDRESS:-127.0.0.1}" "${GATEHOUSE_CLUSTER_PORT:-4000}"
    printf '                  autoBind="1"/>\n'
    printf '        <Sender className="org.apache.catalina.tribes.transport.ReplicationTransmitter">\n'
    printf '            <Transport className="org.apache.catalina.tribes.transport.nio.PooledParallelSender"/>\n'
    printf '        </Sender>\n'
    printf '        <Interceptor className="org.apache.catalina.tribes.group.interceptors.TcpFailureDetector"/>\n'
    printf '        <Interceptor className="org.apache.catalina.tribes.group.interceptors.MessageDispatchInterceptor"/>\n'
    printf '    </Channel>\n'
    printf '    <Valve className="org.apache.catalina.ha.tcp.ReplicationValve" filter=""/>\n'
    printf '    <ClusterListener className="org.apache.catalina.ha.session.ClusterSessionListener"/>\n'
    printf '</Cluster>\n'
}

if [ -n "${GATEHOUSE_CLUSTER_MEMBERS:-}" ]; then
    gatehouse_cluster_xml > "$CATALINA_BASE/conf/cluster.xml"
else
    printf '<!-- No cluster: GATEHOUSE_CLUSTER_MEMBERS is not set (see bin/setenv.sh). -->\n' > "$CATALINA_BASE/conf/cluster.xml"
fi
