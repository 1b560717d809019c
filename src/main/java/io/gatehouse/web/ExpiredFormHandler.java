package io.gatehouse.web;

import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Iterator;

/**
 * A form posted with a ViewState the server no longer has (session ended, server restarted) or never had
 * (tampered): 303 back to the same page, empty, with "?expired" so it can say what happened.
 */
public class ExpiredFormHandler extends ExceptionHandlerWrapper {

    public ExpiredFormHandler(ExceptionHandler wrapped) {
        super(wrapped);
    }

    @Override
    public void handle() {
        for (Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator(); events.hasNext(); ) {
            Throwable exception = events.next().getContext().getException();
            if (expiredView(exception) instanceof ViewExpiredException expired) {
                events.remove();
                sendBackToFreshForm(expired.getViewId());
            }
        }
        getWrapped().handle();
    }

    private static Throwable expiredView(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof ViewExpiredException) {
                return cause;
            }
        }
        return null;
    }

    private static void sendBackToFreshForm(String viewId) {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        String page = viewId == null ? "/" : viewId.replaceFirst("\\.xhtml$", "");
        Redirects.seeOther((HttpServletRequest) external.getRequest(), (HttpServletResponse) external.getResponse(),
                page + "?expired");
        faces.responseComplete();
    }
}
