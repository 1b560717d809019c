package io.gatehouse.account;

import io.gatehouse.web.Redirects;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Event;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

/** The sign-up form: on success the new account is signed in, on a new session id, and sent to its profile. */
@Named
@RequestScoped
public class RegisterBacking {

    @Inject
    Registration registration;

    @Inject
    SecurityContext securityContext;

    @Inject
    FacesContext faces;

    @Inject
    Event<SignedUp> signedUp;

    @Inject
    Event<SignUpRefused> refused;

    private String username;
    private String password;
    private String confirmation;

    public void register() throws IOException {
        if (hasProblems()) {
            refused.fire(new SignUpRefused(SignUpRefused.Reason.REJECTED));
            return;
        }
        try {
            registration.register(username, password);
        } catch (UsernameTakenException e) {
            refused.fire(new SignUpRefused(SignUpRefused.Reason.NAME_TAKEN));
            problem("username", "That username is taken. Choose another.");
            return;
        }
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        HttpServletResponse response = (HttpServletResponse) external.getResponse();
        securityContext.authenticate(request, response, withParams()
                .newAuthentication(true)
                .credential(new UsernamePasswordCredential(username, password)));
        signedUp.fire(new SignedUp(username));
        Redirects.seeOther(request, response, "/profile");
        faces.responseComplete();
    }

    private boolean hasProblems() {
        Optional<String> usernameProblem = UsernameRule.problemWith(username);
        usernameProblem.ifPresent(message -> problem("username", message));
        Map<String, String> passwordProblems = new NewPassword(password, confirmation).problems();
        passwordProblems.forEach(this::problem);
        return usernameProblem.isPresent() || !passwordProblems.isEmpty();
    }

    private void problem(String field, String message) {
        faces.addMessage(field, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
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
