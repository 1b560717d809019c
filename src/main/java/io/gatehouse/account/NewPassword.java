package io.gatehouse.account;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** A new password typed twice, as sign-up and password change ask for it, with the same rules and messages. */
record NewPassword(String password, String confirmation) {

    /** At most one problem for each field, by the field's name: "password" or "confirmation". */
    Map<String, String> problems() {
        Map<String, String> problems = new LinkedHashMap<>();
        Optional<String> passwordProblem = PasswordRule.problemWith(password);
        passwordProblem.ifPresent(message -> problems.put("password", message));
        if (passwordProblem.isEmpty() && !Objects.equals(password, confirmation)) {
            problems.put("confirmation", "The passwords do not match.");
        }
        return problems;
    }
}
