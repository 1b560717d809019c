package io.gatehouse.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import java.io.IOException;
import java.io.InputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * web.xml's {@code <login-config>}, read by the application itself. Servlet containers hand it to their own
 * realm, never to a Jakarta Security mechanism, so {@link FormLoginMechanism} reads it here: web.xml stays
 * the one place where the sign-in form is declared. See docs/decisions/002-web-xml-drives-form-login.md.
 */
@ApplicationScoped
public class WebXmlLoginConfig {

    @Inject
    ServletContext servletContext;

    private String loginPage;
    private String errorPage;

    @PostConstruct
    void read() {
        try (InputStream webXml = servletContext.getResourceAsStream("/WEB-INF/web.xml")) {
            Document document = parse(webXml);
            String authMethod = element(document, "auth-method");
            if (!"FORM".equals(authMethod)) {
                throw new IllegalStateException("web.xml must declare <auth-method>FORM</auth-method>, not " + authMethod);
            }
            loginPage = element(document, "form-login-page");
            errorPage = element(document, "form-error-page");
        } catch (IOException | ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("cannot read <login-config> from /WEB-INF/web.xml", e);
        }
    }

    public String loginPage() {
        return loginPage;
    }

    public String errorPage() {
        return errorPage;
    }

    private static Document parse(InputStream webXml) throws ParserConfigurationException, IOException, SAXException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(webXml);
    }

    private static String element(Document document, String name) {
        NodeList nodes = document.getElementsByTagNameNS("*", name);
        if (nodes.getLength() != 1) {
            throw new IllegalStateException("web.xml must have exactly one <" + name + ">");
        }
        return nodes.item(0).getTextContent().strip();
    }
}
