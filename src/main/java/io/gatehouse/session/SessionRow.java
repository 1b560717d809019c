package io.gatehouse.session;

/** One row of /account/sessions, as shown; {@code handle} is what its "Sign out" button posts. */
public record SessionRow(String handle, String device, String ip, String signedIn, String lastSeen, boolean current) {
}
