package io.gatehouse.server;

/** Why the launcher cannot serve, in one line for the operator; the process then exits with 1. */
final class CannotStart extends Exception {

    CannotStart(String reason) {
        super(reason);
    }
}
