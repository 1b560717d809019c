package io.gatehouse.account;

import io.gatehouse.security.SignInAttempts;
import io.gatehouse.web.Redirects;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Event;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;

import static jakarta.security.enterprise.identitystore.CredentialValidationResult.Status.VALID;

/**
 * /account/password: the current password (checked and throttled as a sign-in), then the new one twice, under
 * sign-up's rules. On success every other session ends, and this one carries on under a new id.
 */
@Named
@RequestScoped
public class ChangePasswordBacking {

    @Inject
    SignInAttempts attempts;

    @Inject
    PasswordChange passwordChange;

    @Inject
    Event<PasswordChanged> passwordChanged;

    @Inject
    FacesContext faces;

    private String current;
    private String password;
    private String confirmation;

    public void change() {
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        String username = request.getRemoteUser();
        if (hasProblems() || !currentIsRight(request, username)) {
            return;
        }
        passwordChange.change(username, password);
        request.changeSessionId();
        passwordChanged.fire(new PasswordChanged(username));
        Redirects.seeOther(request, (HttpServletResponse) external.getResponse(), "/account/password?changed");
        faces.responseComplete();
    }

    private boolean currentIsRight(HttpServletRequest request, String username) {
        if (current != null && attempts.check(request, username, current).getStatus() == VALID) {
            return true;
        }
        problem("current", "Wrong password.");
        return false;
    }

    private boolean hasProblems() {
        Map<String, String> problems = new NewPassword(password, confirmation).problems();
        problems.forEach(this::problem);
        return !problems.isEmpty();
    }

    private void problem(String field, String message) {
        faces.addMessage(field, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
    }

    public String getCurrent() {
        return current;
    }

    public void setCurrent(String current) {
        this.current = current;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getConfirmation() {
        return confirmation;
    }

    public void setConfirmation(String confirmation) {
        this.confirmation = confirmation;
    }
}
