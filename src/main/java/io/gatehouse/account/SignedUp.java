package io.gatehouse.account;

/** A CDI event: a new account exists, and the person who made it is signed in to it. */
public record SignedUp(String username) {
}
