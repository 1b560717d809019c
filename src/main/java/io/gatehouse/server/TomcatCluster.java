package io.gatehouse.server;

import io.gatehouse.config.ClusterSettings;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.apache.catalina.Engine;
import org.apache.tomcat.util.digester.Digester;
import org.apache.tomcat.util.digester.RuleSet;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Makes the engine one node of a Tomcat cluster, from the {@link ClusterXml} a standalone Tomcat reads, with Tomcat's
 * own rules for it (catalina-ha's ClusterRuleSet, as Catalina parses server.xml). Only called when
 * GATEHOUSE_CLUSTER_MEMBERS is set: a single node loads no cluster class.
 */
final class TomcatCluster {

    private TomcatCluster() {
    }

    static void join(Engine engine, ClusterSettings settings) throws CannotStart {
        Digester digester = new Digester();
        digester.setClassLoader(TomcatCluster.class.getClassLoader());
        digester.setRulesValidation(true);
        // As Catalina's: className picks the class, and is no property of it.
        digester.setFakeAttributes(Map.of(Object.class, List.of("className")));
        digester.addObjectCreate("Cluster", null, "className");
        digester.addSetProperties("Cluster");
        digester.addSetNext("Cluster", "setCluster", "org.apache.catalina.Cluster");
        digester.addRuleSet(clusterRules());
        digester.push(engine);
        try {
            digester.parse(new InputSource(new StringReader(ClusterXml.of(settings))));
        } catch (IOException | SAXException e) {
            throw new CannotStart("the cluster's configuration failed: " + OneLineLog.reason(e));
        }
    }

    /** By name: the launcher compiles against tomcat-embed-core alone, and catalina-ha is in the jar only. */
    private static RuleSet clusterRules() throws CannotStart {
        try {
            return (RuleSet) Class.forName("org.apache.catalina.ha.ClusterRuleSet")
                    .getConstructor(String.class).newInstance("Cluster/");
        } catch (ReflectiveOperationException e) {
            throw new CannotStart("Tomcat's cluster (catalina-ha) is missing from the launcher jar");
        }
    }
}
