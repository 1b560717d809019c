package io.gatehouse.web;

import io.gatehouse.account.TooBusyException;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;

/**
 * Every error page: a status line's words in plain text, nothing more. No stack trace, exception text or
 * server version ever reaches the client. A 403 is answered as 404, so a restricted path looks like no path, and a
 * failure of the database, or a queue of password hashes too long to wait in, as 503.
 */
@WebServlet("/error")
public class PlainErrorServlet extends HttpServlet {

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        int status = statusOf(request);
        response.setStatus(status);
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(reason(status));
    }

    private static int statusOf(HttpServletRequest request) {
        if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable exception) {
            return isUnavailableForNow(exception)
                    ? HttpServletResponse.SC_SERVICE_UNAVAILABLE
                    : HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
        }
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        // Asked for directly, /error is just another path that does not exist.
        int status = code instanceof Integer number ? number : HttpServletResponse.SC_NOT_FOUND;
        return status == HttpServletResponse.SC_FORBIDDEN ? HttpServletResponse.SC_NOT_FOUND : status;
    }

    /** The database is down or unreachable, or every hashing slot is taken: nothing is broken, try again later. */
    private static boolean isUnavailableForNow(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException || cause instanceof TooBusyException) {
                return true;
            }
        }
        return false;
    }

    static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 408 -> "Request Timeout";
            case 413 -> "Content Too Large";
            case 414 -> "URI Too Long";
            case 431 -> "Request Header Fields Too Large";
            case 503 -> "Service Unavailable";
            default -> status >= 500 ? "Internal Server Error" : "Bad Request";
        };
    }
}
