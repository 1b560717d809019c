package io.gatehouse.account;

/** A CDI event: a sign-up was refused, because the name was taken or the form broke a rule. */
public record SignUpRefused(Reason reason) {

    public enum Reason {
        NAME_TAKEN,
        REJECTED
    }
}
