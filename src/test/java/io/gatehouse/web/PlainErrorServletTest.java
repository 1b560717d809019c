package io.gatehouse.web;

import io.gatehouse.account.TooBusyException;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PlainErrorServletTest {

    private final Map<String, Object> attributes = new HashMap<>();
    private final StringWriter body = new StringWriter();
    private final Map<String, Object> sent = new HashMap<>();

    @Test
    void anUncaughtExceptionIsAPlain500WithoutItsMessage() throws Exception {
        attributes.put(RequestDispatcher.ERROR_STATUS_CODE, 500);
        attributes.put(RequestDispatcher.ERROR_EXCEPTION, new IllegalStateException("jdbc:h2:file:/secret at io.x.Y"));

        render();

        assertEquals(500, sent.get("status"));
        assertEquals("text/plain;charset=UTF-8", sent.get("contentType"));
        assertEquals("Internal Server Error", body.toString());
    }

    @Test
    void aForbiddenPathLooksLikeAMissingOne() throws Exception {
        attributes.put(RequestDispatcher.ERROR_STATUS_CODE, 403);

        render();

        assertEquals(404, sent.get("status"));
        assertEquals("Not Found", body.toString());
    }

    @Test
    void theErrorPageAskedForDirectlyDoesNotExist() throws Exception {
        render();

        assertEquals(404, sent.get("status"));
        assertEquals("Not Found", body.toString());
    }

    @Test
    void otherStatusesKeepTheirCodeAndSayTheirName() throws Exception {
        attributes.put(RequestDispatcher.ERROR_STATUS_CODE, 413);

        render();

        assertEquals(413, sent.get("status"));
        assertEquals("Content Too Large", body.toString());
    }

    @Test
    void aQueueOfPasswordHashesTooLongToWaitInIsA503() throws Exception {
        attributes.put(RequestDispatcher.ERROR_STATUS_CODE, 500);
        attributes.put(RequestDispatcher.ERROR_EXCEPTION, new IllegalStateException(new TooBusyException()));

        render();

        assertEquals(503, sent.get("status"));
        assertEquals("Service Unavailable", body.toString());
    }

    private void render() throws Exception {
        HttpServletRequest request = proxy(HttpServletRequest.class, (method, args) ->
                method.equals("getAttribute") ? attributes.get((String) args[0]) : null);
        PrintWriter writer = new PrintWriter(body, true);
        HttpServletResponse response = proxy(HttpServletResponse.class, (method, args) -> {
            switch (method) {
                case "setStatus" -> sent.put("status", args[0]);
                case "setContentType" -> sent.put("contentType", args[0]);
                case "getWriter" -> {
                    return writer;
                }
                default -> {
                    return null;
                }
            }
            return null;
        });
        new PlainErrorServlet().service(request, response);
        writer.flush();
    }

    private interface Answer {
        Object answer(String method, Object[] args);
    }

    private static <T> T proxy(Class<T> type, Answer answer) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (self, method, args) -> answer.answer(method.getName(), args)));
    }
}
