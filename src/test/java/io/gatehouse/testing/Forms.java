package io.gatehouse.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Assertions about what a form page says back. */
public final class Forms {

    private Forms() {
    }

    /** The form came back (200) with this message beside this field. */
    public static void assertFieldError(Page page, String field, String message) {
        assertEquals(200, page.status());
        assertTrue(page.body().contains("<span id=\"" + field + "-error\" class=\"error\">" + message + "</span>"),
                () -> "expected '" + message + "' beside " + field + " in\n" + page.body());
    }
}
