package io.gatehouse.history;

/** What /account/history tells about; the name is what the table keeps, the label what the page says. */
public enum EventKind {
    SIGNED_IN("Signed in"),
    SIGN_IN_FAILED("Sign-in failed: wrong password"),
    SIGN_IN_THROTTLED("Sign-in refused: too many tries"),
    SIGNED_OUT("Signed out"),
    SESSION_ENDED_ELSEWHERE("Session ended from another device"),
    SIGNED_OUT_EVERYWHERE("Signed out everywhere else"),
    PASSWORD_CHANGED("Password changed"),
    REMEMBERED_DEVICE_USED("Remembered device used");

    private final String label;

    EventKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
