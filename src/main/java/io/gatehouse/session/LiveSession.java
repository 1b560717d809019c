package io.gatehouse.session;

import java.time.Instant;

/** One live session of an account, as its sessions page lists it; named by its handle, never its id. */
public record LiveSession(String handle, Instant signedInAt, Instant lastSeenAt, String ip, String userAgent) {
}
