package io.gatehouse.security;

import io.gatehouse.account.DataAccessException;
import io.gatehouse.account.TooBusyException;
import io.gatehouse.remember.RememberMe;
import io.gatehouse.session.SignedInSessions;
import io.gatehouse.web.Redirects;
import io.gatehouse.web.SecurityHeaders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.security.auth.message.callback.CallerPrincipalCallback;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.security.Principal;
import java.util.Optional;
import java.util.Set;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.UnsupportedCallbackException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import static jakarta.security.enterprise.identitystore.CredentialValidationResult.Status.VALID;

/**
 * The Servlet FORM login, as web.xml declares it, checked against {@link AccountIdentityStore}.
 * <ul>
 * <li>A protected page asked for by a visitor: remember it, 303 to web.xml's form-login-page.</li>
 * <li>POST j_security_check without the visitor's {@link FormToken}: 303 back to a fresh form.</li>
 * <li>POST j_security_check: right, and the container signs the caller in on a new session id;
 * {@link SignInRedirectServlet} then sends them on. Wrong: 303 to web.xml's form-error-page.</li>
 * <li>{@code SecurityContext.authenticate} with a credential, as sign-up does: the same check.</li>
 * </ul>
 * Written here rather than taken from {@code @FormAuthenticationMechanismDefinition}: see docs/decisions/002.
 * It keeps callers signed in itself, as {@code @AutoApplySession} would, except on j_security_check: a sign-in form
 * posted over a signed-in session is checked like any other, never waved through on the old sign-in.
 * With no signed-in session, a remembered device's cookie signs the caller in on a new session ({@link RememberMe},
 * docs/decisions/016); never on j_security_check, whose form and token always decide.
 */
@ApplicationScoped
public class FormLoginMechanism implements HttpAuthenticationMechanism {

    /** A sign-in form is a few hundred bytes; anything far larger is refused before it is parsed. */
    static final long MAX_FORM_BYTES = 16 * 1024;

    @Inject
    IdentityStoreHandler identityStore;

    @Inject
    WebXmlLoginConfig loginConfig;

    @Inject
    SignInAttempts attempts;

    @Inject
    RememberMe rememberMe;

    @Inject
    SecurityLog log;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        Credential credential = context.getAuthParameters().getCredential();
        if (credential != null) {
            return signedIn(context, identityStore.validate(credential));
        }
        if (isSignInForm(request)) {
            response.setHeader("Cache-Control", "no-store");
            if (CrossSiteRequests.isCrossSite(request)) {
                return forbid(request, response);
            }
            return signIn(request, response, context);
        }
        Principal caller = request.getUserPrincipal();
        if (caller != null) {
            Optional<SignedInCaller> kept = SignedInCaller.of(request);
            if (kept.isPresent() && kept.get().toHandBackIn(request)) {
                // A session another node signed in: the container restored it without the caller's name or role.
                return context.notifyContainerAboutLogin(kept.get().name(), kept.get().groups());
            }
            return stillSignedIn(context, caller);
        }
        Optional<String> remembered;
        try {
            remembered = rememberMe.signInFrom(request, response);
        } catch (DataAccessException unavailableForNow) {
            return refuse(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        }
        if (remembered.isPresent()) {
            SignedInSessions.registerOnceSignedIn(request);
            log.signInRemembered(request, remembered.get());
            return signedIn(context, new CredentialValidationResult(remembered.get(), Set.of(Roles.USER)));
        }
        if (context.isProtected()) {
            SignInTarget.remember(request);
            return seeOther(request, response, loginConfig.loginPage());
        }
        return context.doNothing();
    }

    private AuthenticationStatus signIn(HttpServletRequest request, HttpServletResponse response,
                                        HttpMessageContext context) {
        if (request.getContentLengthLong() > MAX_FORM_BYTES) {
            return refuse(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        }
        String username;
        String password;
        try {
            username = request.getParameter("j_username");
            password = request.getParameter("j_password");
        } catch (IllegalStateException unreadableBody) {
            return refuse(response, HttpServletResponse.SC_BAD_REQUEST);
        }
        if (!FormToken.isPosted(request)) {
            return seeOther(request, response, loginConfig.loginPage() + "?expired");
        }
        if (username == null || password == null || credentialsInQuery(request)) {
            return seeOther(request, response, loginConfig.errorPage());
        }
        CredentialValidationResult result;
        try {
            result = attempts.check(request, username, password);
        } catch (DataAccessException | TooBusyException unavailableForNow) {
            return refuse(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        }
        if (result.getStatus() != VALID) {
            return seeOther(request, response, loginConfig.errorPage());
        }
        HttpSession previous = request.getUserPrincipal() == null ? null : request.getSession(false);
        if (previous != null) {
            SignedInSessions.ending(previous, "ended");
            previous.invalidate();
        }
        if (RememberMe.isAsked(request)) {
            try {
                rememberMe.remember(request, response, result.getCallerPrincipal().getName());
            } catch (DataAccessException unavailableForNow) {
                return refuse(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            }
        }
        return signedIn(context, result);
    }

    /**
     * Signs the caller in, and asks the container to remember them in the session (on a new session id); keeps them
     * in the session as well, for a node that the session moves to ({@link SignedInCaller}).
     */
    private static AuthenticationStatus signedIn(HttpMessageContext context, CredentialValidationResult result) {
        AuthenticationStatus status = context.notifyContainerAboutLogin(result);
        if (status == AuthenticationStatus.SUCCESS) {
            context.setRegisterSession(result.getCallerPrincipal().getName(), result.getCallerGroups());
            SignedInCaller.here(result.getCallerPrincipal().getName(), result.getCallerGroups()).keepIn(context.getRequest());
        }
        return status;
    }

    /** The caller the container remembered in the session, handed back to it as {@code @AutoApplySession} does. */
    private static AuthenticationStatus stillSignedIn(HttpMessageContext context, Principal caller) {
        try {
            context.getHandler().handle(new Callback[] {new CallerPrincipalCallback(context.getClientSubject(), caller)});
        } catch (IOException | UnsupportedCallbackException e) {
            throw new IllegalStateException("the container refused the session's caller", e);
        }
        return AuthenticationStatus.SUCCESS;
    }

    /** Called by a container whose own sign-in travels with a session to other nodes (Tomcat's cluster). */
    public static void callerTravelsWithSessionsIn(ServletContext context) {
        context.setAttribute(SignedInCaller.CONTAINER_KEEPS_CALLER, Boolean.TRUE);
    }

    /** Credentials count only in the body: in a URL they end up in logs, history and Referer headers. */
    private static boolean credentialsInQuery(HttpServletRequest request) {
        String query = request.getQueryString();
        if (query == null) {
            return false;
        }
        for (String field : query.split("&")) {
            String name = field.split("=", 2)[0];
            try {
                name = URLDecoder.decode(name, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException undecodable) {
                return true;
            }
            if (name.equals("j_username") || name.equals("j_password")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isSignInForm(HttpServletRequest request) {
        return "POST".equals(request.getMethod()) && request.getRequestURI().endsWith("/j_security_check");
    }

    /** Answered before any filter runs, so with the headers the filters would have added. */
    private static AuthenticationStatus seeOther(HttpServletRequest request, HttpServletResponse response, String path) {
        SecurityHeaders.addTo(request, response);
        response.setHeader("Cache-Control", "no-store");
        Redirects.seeOther(request, response, path);
        return AuthenticationStatus.SEND_CONTINUE;
    }

    /** Another site's sign-in form (login CSRF): the same plain 403 as {@link CrossSiteRequestFilter}'s. */
    private static AuthenticationStatus forbid(HttpServletRequest request, HttpServletResponse response) {
        SecurityHeaders.addTo(request, response);
        try {
            CrossSiteRequestFilter.forbid(response);
        } catch (IOException clientGone) {
            // Nothing to tell a client that has hung up.
        }
        return AuthenticationStatus.SEND_CONTINUE;
    }

    private static AuthenticationStatus refuse(HttpServletResponse response, int status) {
        try {
            response.sendError(status);
        } catch (IOException clientGone) {
            // Nothing to tell a client that has hung up.
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}
