package io.gatehouse.config;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Every setting that has a shape, read once before anything starts: the launcher stops on the first bad value
 * with one line, instead of failing later, deep in a start-up, or running with a default the operator did not want.
 * A new setting with a shape gets a line here. The database user and password, the metrics token and the node name
 * are free text. The cluster's settings are read only when GATEHOUSE_CLUSTER_MEMBERS is set, but checked always.
 */
public final class SettingsCheck {

    private SettingsCheck() {
    }

    public static void all() {
        new Setting("port").port();
        new Setting("address").parsed("an IP address or a host name that resolves", SettingsCheck::resolve);
        new Setting("trusted.proxies").pattern();
        new Setting("db.url").parsed("a JDBC URL starting with jdbc:h2: or jdbc:postgresql:",
                SettingsCheck::supportedDatabase);
        new Setting("db.wait").duration();
        new Setting("shutdown.drain").duration();
        new Setting("session.idle.timeout").duration();
        new Setting("session.absolute.timeout").duration();
        new Setting("remember.me.ttl").duration();
        new Setting("bench.cheap.hash").flag();
        new Setting("bench.without.session.check").flag();
        // Whole numbers here; whether the three together reach OWASP's floor is the password hasher's to say.
        new Setting("argon2.memory.kib").parsed("a whole number of KiB from 1 to 65536", SettingsCheck::positive);
        new Setting("argon2.iterations").parsed("a whole number from 1 to 16", SettingsCheck::positive);
        new Setting("argon2.parallelism").parsed("a whole number from 1 to 4", SettingsCheck::positive);
        new Setting("metrics.port").port();
        new Setting("metrics.address").parsed("an IP address or a host name that resolves", SettingsCheck::resolve);
        cluster();
    }

    /** The cluster's members, and this node among them: Tomcat finds itself in the list by its receiver's address. */
    private static void cluster() {
        Setting members = new Setting("cluster.members");
        int port = new Setting("cluster.port").port().orElse(ClusterSettings.DEFAULT_PORT);
        new Setting("cluster.address").parsed("an IP address or a host name that resolves", SettingsCheck::resolve);
        String address = new Setting("cluster.address").valueOr(ClusterSettings.DEFAULT_ADDRESS).strip();
        members.parsed("two or more host:port of the cluster's nodes, this one included, separated by commas",
                ClusterMember::listed).ifPresent(listed -> {
                    if (listed.stream().noneMatch(member -> member.is(address, port))) {
                        throw new InvalidSetting(members, members.value().orElseThrow(), "a list that includes this node, "
                                + address + ":" + port + " (GATEHOUSE_CLUSTER_ADDRESS:GATEHOUSE_CLUSTER_PORT)");
                    }
                });
    }

    private static InetAddress resolve(String address) {
        try {
            return InetAddress.getByName(address.strip());
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static int positive(String number) {
        int value = Integer.parseInt(number.strip());
        if (value < 1) {
            throw new IllegalArgumentException();
        }
        return value;
    }

    private static String supportedDatabase(String url) {
        if (!url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException();
        }
        return url;
    }
}
