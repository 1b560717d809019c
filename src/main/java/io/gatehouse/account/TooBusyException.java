package io.gatehouse.account;

/** Too many password hashes are waiting for a core: the request cannot be served now, and nothing was written. */
public class TooBusyException extends RuntimeException {

    public TooBusyException() {
        super("every password hashing slot stayed busy for too long");
    }
}
