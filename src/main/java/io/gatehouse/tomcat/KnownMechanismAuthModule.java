package io.gatehouse.tomcat;

import static jakarta.security.enterprise.AuthenticationStatus.NOT_DONE;
import static jakarta.security.enterprise.AuthenticationStatus.SEND_FAILURE;
import static org.glassfish.soteria.mechanisms.jaspic.Jaspic.fromAuthenticationStatus;
import static org.glassfish.soteria.mechanisms.jaspic.Jaspic.setLastAuthenticationStatus;

import jakarta.security.auth.message.AuthException;
import jakarta.security.auth.message.AuthStatus;
import jakarta.security.auth.message.MessageInfo;
import jakarta.security.auth.message.MessagePolicy;
import jakarta.security.auth.message.module.ServerAuthModule;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import javax.security.auth.Subject;
import javax.security.auth.callback.CallbackHandler;
import org.glassfish.soteria.mechanisms.HttpMessageContextImpl;

/**
 * Soteria's {@code HttpBridgeServerAuthModule}, step for step, but handed the mechanism once instead of looking the
 * bean manager up through JNDI on every call (docs/decisions/009-jakarta-security-bridge-on-tomcat.md).
 */
final class KnownMechanismAuthModule implements ServerAuthModule {

    private static final Class<?>[] MESSAGE_TYPES = {HttpServletRequest.class, HttpServletResponse.class};

    private final HttpAuthenticationMechanism mechanism;
    private CallbackHandler handler;

    KnownMechanismAuthModule(HttpAuthenticationMechanism mechanism) {
        this.mechanism = mechanism;
    }

    @Override
    public void initialize(MessagePolicy requestPolicy, MessagePolicy responsePolicy, CallbackHandler handler,
                           @SuppressWarnings("rawtypes") Map options) {
        this.handler = handler;
    }

    @Override
    public Class<?>[] getSupportedMessageTypes() {
        return MESSAGE_TYPES;
    }

    @Override
    public AuthStatus validateRequest(MessageInfo messageInfo, Subject clientSubject, Subject serviceSubject)
            throws AuthException {
        HttpMessageContext context = new HttpMessageContextImpl(handler, messageInfo, clientSubject);
        HttpServletRequest request = context.getRequest();
        setLastAuthenticationStatus(request, NOT_DONE);
        AuthenticationStatus status;
        try {
            status = mechanism.validateRequest(request, context.getResponse(), context);
        } catch (AuthenticationException e) {
            setLastAuthenticationStatus(request, SEND_FAILURE);
            throw failure("Authentication failure in HttpAuthenticationMechanism", e);
        }
        setLastAuthenticationStatus(request, status);
        return fromAuthenticationStatus(status);
    }

    @Override
    public AuthStatus secureResponse(MessageInfo messageInfo, Subject serviceSubject) throws AuthException {
        HttpMessageContext context = new HttpMessageContextImpl(handler, messageInfo, null);
        try {
            AuthStatus status = fromAuthenticationStatus(
                    mechanism.secureResponse(context.getRequest(), context.getResponse(), context));
            return status == AuthStatus.SUCCESS ? AuthStatus.SEND_SUCCESS : status;
        } catch (AuthenticationException e) {
            throw failure("Secure response failure in HttpAuthenticationMechanism", e);
        }
    }

    @Override
    public void cleanSubject(MessageInfo messageInfo, Subject subject) {
        HttpMessageContext context = new HttpMessageContextImpl(handler, messageInfo, subject);
        mechanism.cleanSubject(context.getRequest(), context.getResponse(), context);
    }

    private static AuthException failure(String message, AuthenticationException cause) {
        AuthException failure = new AuthException(message);
        failure.initCause(cause);
        return failure;
    }
}
