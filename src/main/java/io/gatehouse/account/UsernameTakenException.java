package io.gatehouse.account;

/** Another account already has this name, in any letter case. */
public class UsernameTakenException extends Exception {

    public UsernameTakenException(String username) {
        super("username taken: " + username);
    }
}
