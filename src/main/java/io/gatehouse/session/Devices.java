package io.gatehouse.session;

import jakarta.enterprise.context.ApplicationScoped;
import ua_parser.CachingParser;
import ua_parser.Client;
import ua_parser.Parser;

/**
 * A User-Agent header told as a person would say it: "Firefox 128 on Windows", by uap-java's regexes (the ua-parser
 * project's, kept up to date by its maintainers, never our own). Parses are cached, as the same few headers come
 * back on every page (docs/decisions/017).
 */
@ApplicationScoped
public class Devices {

    private static final String UNKNOWN = "Other";

    private final Parser parser = new CachingParser();

    public String describe(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return "Unknown device";
        }
        Client client = parser.parse(userAgent);
        String browser = UNKNOWN.equals(client.userAgent.family) ? "Unknown browser"
                : client.userAgent.family + (client.userAgent.major == null ? "" : " " + client.userAgent.major);
        return UNKNOWN.equals(client.os.family) ? browser : browser + " on " + client.os.family;
    }
}
