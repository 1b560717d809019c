package io.gatehouse.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CrossSiteRequestsTest {

    @ParameterizedTest(name = "{0}://{1}:{2} is {3}")
    @CsvSource({
            "http, example.org, 80, http://example.org",
            "https, example.org, 443, https://example.org",
            "https, example.org, 8443, https://example.org:8443",
            "http, 127.0.0.1, 8080, http://127.0.0.1:8080",
            "http, [::1], 8080, http://[::1]:8080",
            "http, ::1, 8080, http://[::1]:8080"})
    void ourOwnOriginIsWrittenAsBrowsersWriteIt(String scheme, String host, int port, String origin) {
        assertEquals(origin, CrossSiteRequests.ownOrigin(request(scheme, host, port, Map.of())));
    }

    @Test
    void theBrowsersWordDecides() {
        assertFalse(CrossSiteRequests.isCrossSite(request("https", "example.org", 443, Map.of())));
        assertFalse(CrossSiteRequests.isCrossSite(request("https", "example.org", 443, Map.of("Origin", "https://example.org"))));
        assertFalse(CrossSiteRequests.isCrossSite(request("https", "example.org", 443, Map.of("Sec-Fetch-Site", "same-origin"))));
        assertTrue(CrossSiteRequests.isCrossSite(request("https", "example.org", 443, Map.of("Origin", "http://example.org"))));
        assertTrue(CrossSiteRequests.isCrossSite(request("https", "example.org", 443, Map.of("Origin", "null"))));
        assertTrue(CrossSiteRequests.isCrossSite(request("https", "example.org", 443, Map.of("Sec-Fetch-Site", "cross-site"))));
        assertTrue(CrossSiteRequests.isCrossSite(request("https", "example.org", 443,
                Map.of("Origin", "https://example.org", "Sec-Fetch-Site", "cross-site"))));
    }

    private static HttpServletRequest request(String scheme, String host, int port, Map<String, String> headers) {
        return (HttpServletRequest) Proxy.newProxyInstance(HttpServletRequest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (self, method, args) -> switch (method.getName()) {
                    case "getScheme" -> scheme;
                    case "getServerName" -> host;
                    case "getServerPort" -> port;
                    case "getHeader" -> headers.get((String) args[0]);
                    default -> null;
                });
    }
}
