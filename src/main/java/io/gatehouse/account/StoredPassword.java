package io.gatehouse.account;

/** What sign-in needs of an account: its name as registered, and the hash to check a password against. */
public record StoredPassword(String username, String passwordHash) {
}
