package io.gatehouse.server;

import io.gatehouse.config.ClusterMember;
import io.gatehouse.config.ClusterSettings;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A standalone Tomcat from docker/tomcat clusters as the launcher does: setenv.sh, given the same settings, writes
 * the very {@code <Cluster>} the launcher builds its cluster from (same manager, send options, members and their
 * ids, receiver), and server.xml puts it in the Engine; without the settings, there is no cluster at all.
 */
class ClusterConfigurationTest {

    private static final Path DOCKER = Paths.get(System.getProperty("gatehouse.docker", "docker"));

    @TempDir
    Path base;

    @Test
    void setenvWritesTheLaunchersCluster() throws Exception {
        ClusterSettings settings = new ClusterSettings(List.of(new ClusterMember("gatehouse-a", 4000),
                new ClusterMember("gatehouse-b", 4000), new ClusterMember("10.0.0.3", 4100)), "gatehouse-b", 4000);

        Element standalone = engineOfServerXml(Map.of("GATEHOUSE_CLUSTER_MEMBERS", "gatehouse-a:4000, Gatehouse-B:4000,10.0.0.3:4100",
                "GATEHOUSE_CLUSTER_ADDRESS", "gatehouse-b", "GATEHOUSE_CLUSTER_PORT", "4000"));
        Element launcher = parse(ClusterXml.of(settings)).getDocumentElement();

        List<Element> clusters = children(standalone, "Cluster");
        assertEquals(1, clusters.size(), "one <Cluster> in server.xml's Engine");
        assertEquals(shape(launcher), shape(clusters.get(0)));
        assertTrue(shape(launcher).contains("Cluster channelSendOptions=6"), shape(launcher));
        assertTrue(shape(launcher).contains("Manager className=org.apache.catalina.ha.session.DeltaManager"));
    }

    @Test
    void withoutMembersThereIsNoCluster() throws Exception {
        assertEquals(List.of(), children(engineOfServerXml(Map.of()), "Cluster"));
    }

    /** Runs setenv.sh as catalina.sh does, then reads server.xml with the conf/cluster.xml it wrote. */
    private Element engineOfServerXml(Map<String, String> settings) throws Exception {
        Files.createDirectories(base.resolve("conf"));
        Files.copy(DOCKER.resolve("tomcat/server.xml"), base.resolve("conf/server.xml"));
        ProcessBuilder sh = new ProcessBuilder("sh", "-c", ". \"$1\"", "setenv",
                DOCKER.resolve("tomcat/setenv.sh").toAbsolutePath().toString()).redirectErrorStream(true);
        sh.environment().keySet().removeIf(variable -> variable.startsWith("GATEHOUSE_"));
        sh.environment().putAll(settings);
        sh.environment().put("CATALINA_BASE", base.toString());
        Process process = sh.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), output);

        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setExpandEntityReferences(true);
        Document server = factory.newDocumentBuilder().parse(base.resolve("conf/server.xml").toFile());
        return (Element) server.getElementsByTagName("Engine").item(0);
    }

    private static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    /** The element, its attributes (sorted) and its child elements, one line each, whitespace and comments aside. */
    private static String shape(Element element) {
        StringBuilder lines = new StringBuilder();
        shape(element, "", lines);
        return lines.toString();
    }

    private static void shape(Element element, String indent, StringBuilder lines) {
        Map<String, String> attributes = new TreeMap<>();
        NamedNodeMap all = element.getAttributes();
        for (int i = 0; i < all.getLength(); i++) {
            // xml:base is the parser saying which file an included element came from.
            if (!all.item(i).getNodeName().startsWith("xml:")) {
                attributes.put(all.item(i).getNodeName(), all.item(i).getNodeValue());
            }
        }
        lines.append(indent).append(element.getTagName());
        attributes.forEach((name, value) -> lines.append(' ').append(name).append('=').append(value));
        lines.append('\n');
        for (Element child : children(element, null)) {
            shape(child, indent + "  ", lines);
        }
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> children = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element child && (name == null || name.equals(child.getTagName()))) {
                children.add(child);
            }
        }
        return children;
    }
}
