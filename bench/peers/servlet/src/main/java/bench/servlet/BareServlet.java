package bench.servlet;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.servlets.DefaultServlet;
import org.apache.catalina.startup.Tomcat;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.tomcat.util.descriptor.web.ErrorPage;

/**
 * P3: the container's own limit. Tomcat's default servlet serves a static copy of Gatehouse's home page, and an
 * unknown path takes the same road as in Gatehouse (default servlet, 404, error page) to a servlet that writes
 * "Not Found" as plain text. Listens on 127.0.0.1 and BENCH_PORT, with the connector set up as Gatehouse's is.
 */
public final class BareServlet {

    public static void main(String[] args) throws Exception {
        Path base = Files.createTempDirectory("servlet-peer-");
        Path docBase = Files.createDirectories(base.resolve("webapp"));
        try (InputStream home = BareServlet.class.getResourceAsStream("/index.html")) {
            Files.copy(home, docBase.resolve("index.html"));
        }

        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(base.toString());
        Connector connector = new Connector();
        connector.setPort(Integer.parseInt(System.getenv().getOrDefault("BENCH_PORT", "18103")));
        connector.setProperty("address", "127.0.0.1");
        tomcat.setConnector(connector);
        ErrorReportValve errorReport = new ErrorReportValve();
        errorReport.setShowReport(false);
        errorReport.setShowServerInfo(false);
        tomcat.getHost().getPipeline().addValve(errorReport);

        Context context = tomcat.addContext("", docBase.toString());
        Tomcat.addDefaultMimeTypeMappings(context);
        Tomcat.addServlet(context, "default", new DefaultServlet()).setLoadOnStartup(1);
        context.addServletMappingDecoded("/", "default");
        context.addWelcomeFile("index.html");
        Tomcat.addServlet(context, "notFound", new NotFoundServlet());
        context.addServletMappingDecoded("/error", "notFound");
        ErrorPage notFound = new ErrorPage();
        notFound.setErrorCode(404);
        notFound.setLocation("/error");
        context.addErrorPage(notFound);

        tomcat.start();
        tomcat.getServer().await();
    }

    /** The error page: the status's words, as text. */
    static final class NotFoundServlet extends HttpServlet {

        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write("Not Found");
        }
    }
}
