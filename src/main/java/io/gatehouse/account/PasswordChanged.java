package io.gatehouse.account;

/** A CDI event: the account's password changed, and every session signed in before it is over. */
public record PasswordChanged(String username) {
}
