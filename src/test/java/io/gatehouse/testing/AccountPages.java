package io.gatehouse.testing;

import java.util.LinkedHashMap;
import java.util.Map;

/** The forms of /account/sessions and /account/password, posted as their own buttons post them. */
public final class AccountPages {

    private AccountPages() {
    }

    /** Proves the password on /account/sessions, which lets this session end others for a while. */
    public static Page confirmPassword(WebClient client, String password) {
        return client.post("account/sessions/confirm", sessionsForm(client, Map.of("password", password)));
    }

    /** "Sign out" on the row that {@code handle} names. */
    public static Page endSession(WebClient client, String handle) {
        return client.post("account/sessions/end", sessionsForm(client, Map.of("handle", handle)));
    }

    /** "Sign out everywhere else". */
    public static Page signOutEverywhereElse(WebClient client) {
        return client.post("account/sessions/end-others", sessionsForm(client, Map.of()));
    }

    /** {@code fields} with the token of a freshly fetched sessions page, as its forms post them. */
    public static Map<String, String> sessionsForm(WebClient client, Map<String, String> fields) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("csrf_token", client.get("account/sessions").formToken());
        form.putAll(fields);
        return form;
    }

    public static Page changePassword(WebClient client, String current, String password, String confirmation) {
        return client.post("account/password", changePasswordForm(client, current, password, confirmation));
    }

    /** The change-password form as its button posts it from a freshly fetched page. */
    public static Map<String, String> changePasswordForm(WebClient client, String current, String password,
                                                         String confirmation) {
        Page page = client.get("account/password");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("change-password", "change-password");
        form.put("change", "Change password");
        form.put("jakarta.faces.ViewState", page.viewState());
        form.put("csrf_token", page.formToken());
        form.put("current", current);
        form.put("password", password);
        form.put("confirmation", confirmation);
        return form;
    }
}
