package io.gatehouse.tomcat;

import jakarta.security.auth.message.config.AuthConfigFactory;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import org.glassfish.soteria.mechanisms.jaspic.HttpBridgeServerAuthModule;
import org.glassfish.soteria.mechanisms.jaspic.Jaspic;

/**
 * Tomcat-only glue. Soteria installs its bridge into Jakarta Authentication from a ServletContainerInitializer,
 * which on Tomcat may run before Weld has started, find no CDI, and give up without a word. By the time
 * listeners run, Weld is up, so the bridge is installed here if Soteria could not. Payara has its own.
 */
@WebListener
public class JakartaSecurityOnTomcat implements ServletContextListener {

    private static final String LAYER = "HttpServlet";

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
        AuthConfigFactory factory = AuthConfigFactory.getFactory();
        if (factory.getConfigProvider(LAYER, Jaspic.getAppContextID(context), null) == null) {
            factory.registerServerAuthModule(new HttpBridgeServerAuthModule(null), context);
        }
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        AuthConfigFactory.getFactory().removeServerAuthModule(event.getServletContext());
    }
}
