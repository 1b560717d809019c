package io.gatehouse.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SignInTargetTest {

    @ParameterizedTest
    @ValueSource(strings = {"/profile", "/profile?x=1", "/"})
    void aPathInsideTheApplicationIsKept(String path) {
        assertTrue(SignInTarget.isLocalPath(path));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "//evil.example",
            "/\\evil.example",
            "https:evil.example",
            "https://evil.example/profile",
            "javascript:alert(1)",
            "profile",
            "",
            "/profile\r\nSet-Cookie: a=b",
            "/profile\nx",
            "/\t/evil.example",         // browsers drop the tab and read //evil.example
            "/profile\u007f",
    })
    void anythingThatCouldLeaveTheApplicationIsRefused(String path) {
        assertFalse(SignInTarget.isLocalPath(path));
    }
}
