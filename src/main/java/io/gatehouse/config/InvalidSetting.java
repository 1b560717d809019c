package io.gatehouse.config;

/** A setting's value that is not allowed; its message names the setting, the value and what is allowed. */
public final class InvalidSetting extends IllegalArgumentException {

    public InvalidSetting(Setting setting, String value, String allowed) {
        super(setting.variable() + " (" + setting.property() + ") is \"" + printable(value) + "\", but must be " + allowed);
    }

    /** The value as one line of plain text, without a password a URL may carry. */
    private static String printable(String value) {
        String shown = Passwords.hiddenIn(value.length() > 80 ? value.substring(0, 80) + "…" : value);
        return shown.replaceAll("\\p{Cntrl}", "?");
    }
}
