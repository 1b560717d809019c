package io.gatehouse.security;

/** The one role, named in web.xml's security-constraint and security-role. */
public final class Roles {

    public static final String USER = "user";

    private Roles() {
    }
}
