package io.gatehouse.database;

import io.gatehouse.web.NodeStopping;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * {@code GET /health} for container health checks: 200 {@code {"status":"UP","db":"UP"}} when a pooled connection
 * answers, 503 {@code {"status":"DOWN","db":"DOWN"}} otherwise; never slower than the pool's 3 s wait. In a cluster
 * (Tomcat's, or Payara's data grid) it adds {@code "cluster"}, and is 503 while this node sees no other member: a balancer sends it nothing
 * until it has joined, and so has the sessions it would be asked to serve. A node that is stopping but still serves
 * ({@link NodeStopping}) is 503 with {@code "node":"STOPPING"}, so that the balancer sends it nothing new.
 */
@WebServlet("/health")
public class HealthServlet extends HttpServlet {

    private static final int CHECK_SECONDS = 1;

    @Inject
    DataSource dataSource;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean db = databaseAnswers();
        Optional<Boolean> cluster = ClusterMembership.joined();
        boolean stopping = NodeStopping.isAnnouncedIn(getServletContext());
        boolean up = db && cluster.orElse(true) && !stopping;
        response.setStatus(up ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setContentType("application/json;charset=UTF-8");
        response.getWriter().write("{\"status\":\"" + upOrDown(up) + "\",\"db\":\"" + upOrDown(db) + "\""
                + cluster.map(joined -> ",\"cluster\":\"" + upOrDown(joined) + "\"").orElse("")
                + (stopping ? ",\"node\":\"STOPPING\"" : "") + "}");
    }

    private static String upOrDown(boolean up) {
        return up ? "UP" : "DOWN";
    }

    private boolean databaseAnswers() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(CHECK_SECONDS);
        } catch (SQLException unavailable) {
            return false;
        }
    }
}
