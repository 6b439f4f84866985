package io.tenantry.startup;

import io.tenantry.tenancy.PublicEndpoint;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * Marks the session cookie {@code Secure} when PUBLIC_SCHEME is https. The container marks it so
 * only on a connection it received over TLS, and behind a TLS-terminating proxy none is: the session
 * would go out on any plain-http request to the domain (the newcomer review of this stop). Only while
 * the application starts may the cookie's configuration change, hence a listener.
 */
@WebListener
public class SecureSessionCookie implements ServletContextListener {

    @Inject
    PublicEndpoint endpoint;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        if (endpoint.scheme().filter("https"::equals).isPresent()) {
            event.getServletContext().getSessionCookieConfig().setSecure(true);
        }
    }
}
