package io.gatehouse.security;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SecurityLogTest {

    @Test
    void aNameWithLineBreaksAndQuotesStaysOnOneLineAndReadsBackAsItWas() {
        String name = "x\n{\"event\":\"sign-in.success\"}\r\n\t\\\u0000";

        String line = SecurityLog.line("sign-in.failure", name, "203.0.113.7", null);

        assertEquals(1, line.lines().count(), line);
        JsonObject event = Json.createReader(new StringReader(line)).readObject();
        assertEquals(name, event.getString("user"));
        assertEquals("sign-in.failure", event.getString("event"));
        assertEquals("203.0.113.7", event.getString("ip"));
        assertEquals(JsonValue.NULL, event.get("session"));
    }

    @Test
    void aLongNameIsCut() {
        String line = SecurityLog.line("sign-in.failure", "a".repeat(1000), "203.0.113.7", "3f1c9a0b7e2d4c61");

        assertEquals("a".repeat(64) + "…", Json.createReader(new StringReader(line)).readObject().getString("user"));
    }
}
