package io.gatehouse.tomcat;

import io.gatehouse.security.FormLoginMechanism;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.security.auth.message.config.AuthConfigFactory;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import org.glassfish.soteria.cdi.CdiUtils;

/**
 * Tomcat-only glue. Soteria installs its bridge into Jakarta Authentication from a ServletContainerInitializer,
 * which on Tomcat may run before Weld has started, find no CDI, and give up without a word. By the time listeners
 * run, Weld is up, so the bridge is installed here, in place of Soteria's if it did install one: ours is handed the
 * mechanism once, where Soteria's looks it up through JNDI twice a request. Payara has its own.
 */
@WebListener
public class JakartaSecurityOnTomcat implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        KnownMechanismAuthModule module = new KnownMechanismAuthModule(mechanism(CdiUtils.getBeanManager()));
        AuthConfigFactory.getFactory().registerServerAuthModule(module, event.getServletContext());
        FormLoginMechanism.callerTravelsWithSessionsIn(event.getServletContext());
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        AuthConfigFactory.getFactory().removeServerAuthModule(event.getServletContext());
    }

    /**
     * Kept for the application's life, which is what Soteria's look-up returns each time only for a mechanism of a
     * normal scope (a client proxy); any other would be a new instance per look-up, so it is refused.
     */
    private static HttpAuthenticationMechanism mechanism(BeanManager beans) {
        Bean<?> bean = beans.resolve(beans.getBeans(HttpAuthenticationMechanism.class));
        if (bean == null || !beans.isNormalScope(bean.getScope())) {
            throw new IllegalStateException("the HttpAuthenticationMechanism must be one bean of a normal scope");
        }
        return (HttpAuthenticationMechanism) beans.getReference(bean, HttpAuthenticationMechanism.class,
                beans.createCreationalContext(bean));
    }
}
