package io.tenantry.platform;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.tenantry.testing.PayaraOnly;
import io.tenantry.testing.SharedServer;
import io.tenantry.testing.TestServers;
import io.tenantry.testing.PayaraProcess;

/**
 * Deploys the real WAR on Payara Micro without TENANTS_DOMAIN: the deployment must fail, saying
 * which variable is missing and what to set it to. It is deployed at
 * {@code /missing-domain} on the run's {@link TestServers#localhost()}, whose process has no
 * TENANTS_DOMAIN (its root takes {@code localhost} from its own copy of the settings file).
 */
@PayaraOnly("a deployment without TENANTS_DOMAIN on a Payara Micro of its own (TestServers.localhost)")
class MissingDomainIT {

    @RegisterExtension
    static final SharedServer SERVER = TestServers.localhost();

    @Test
    void deploymentFailsNamingTheVariableWithAnExample() throws Exception {
        PayaraProcess payara = SERVER.process();
        boolean explained = payara.awaitLine(line -> line.contains("TENANTS_DOMAIN is not set")
                && line.contains("TENANTS_DOMAIN=tenants.example.com"), Duration.ofSeconds(120));
        assertTrue(explained, "no message naming TENANTS_DOMAIN:\n" + payara.tail());
        assertTrue(payara.awaitLine(line -> line.contains("Exception while loading the app")
                || line.contains("Failed to deploy"), Duration.ofSeconds(60)),
                "the deployment did not fail:\n" + payara.tail());
    }
}
