package io.gatehouse.web;

import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;

/** Installs {@link ExpiredFormHandler} in front of Faces' own exception handler (faces-config.xml). */
public class ExpiredFormHandlerFactory extends ExceptionHandlerFactory {

    public ExpiredFormHandlerFactory(ExceptionHandlerFactory wrapped) {
        super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
        return new ExpiredFormHandler(getWrapped().getExceptionHandler());
    }
}
