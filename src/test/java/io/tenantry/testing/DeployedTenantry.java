package io.tenantry.testing;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Base of the tests that talk to the WAR Maven built on the run's shared server, which Arquillian
 * starts and deploys once ({@link ArquillianServer}), as a client over HTTP; {@link #app} is ready (database prepared)
 * before each test. Classes run concurrently on that server (docs/architecture.md, "Tests"): each
 * keeps to tenants and accounts of its own.
 */
public abstract class DeployedTenantry {

    /** Not private: JUnit registers a superclass's extension fields for every subclass. */
    @RegisterExtension
    static final ArquillianServer SHARED_SERVER = new ArquillianServer();

    protected Tenantry app;

    @BeforeEach
    void awaitTenantry() {
        app = new Tenantry(SHARED_SERVER.url()).awaitReady();
    }

    protected int port() {
        return SHARED_SERVER.url().getPort();
    }
}
