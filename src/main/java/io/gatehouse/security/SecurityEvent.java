package io.gatehouse.security;

/**
 * A CDI event for each line of the security log, named as the line names it ({@code sign-in.success},
 * {@code sign-out}, …): what the log sees, others may count, without the log knowing who.
 */
public record SecurityEvent(String name) {
}
