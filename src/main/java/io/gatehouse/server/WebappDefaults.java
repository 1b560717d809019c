package io.gatehouse.server;

import org.apache.catalina.Context;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.LifecycleEvent;
import org.apache.catalina.LifecycleListener;
import org.apache.catalina.Wrapper;
import org.apache.catalina.servlets.DefaultServlet;
import org.apache.catalina.startup.Tomcat;

/**
 * What a standalone Tomcat's conf/web.xml gives every webapp and the WAR relies on: the default servlet for
 * static files, and MIME types. Tomcat's embedded defaults would also add a JSP servlet, which this app has no
 * use for and embedded Tomcat has no Jasper to run.
 */
final class WebappDefaults implements LifecycleListener {

    @Override
    public void lifecycleEvent(LifecycleEvent event) {
        if (Lifecycle.BEFORE_START_EVENT.equals(event.getType()) && event.getLifecycle() instanceof Context context) {
            Wrapper defaultServlet = Tomcat.addServlet(context, "default", DefaultServlet.class.getName());
            defaultServlet.setLoadOnStartup(1);
            defaultServlet.setOverridable(true);
            context.addServletMappingDecoded("/", "default");
            Tomcat.addDefaultMimeTypeMappings(context);
        }
    }
}
