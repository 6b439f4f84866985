package io.tenantry.testing;

import java.net.URL;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Base of the tests that talk to the WAR deployed on Payara Micro by Arquillian, as a client over
 * HTTP; {@link #app} is ready (database prepared) before each test.
 */
@ExtendWith(ArquillianExtension.class)
public abstract class DeployedTenantry {

    @ArquillianResource
    URL url;

    protected Tenantry app;

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return Tenantry.war();
    }

    @BeforeEach
    void awaitTenantry() {
        app = new Tenantry(url).awaitReady();
    }

    protected int port() {
        return url.getPort();
    }
}
