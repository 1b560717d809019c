package io.gatehouse.account;

import java.time.Instant;

/** A person who signed up. */
public record Account(String username, Instant createdAt) {
}
