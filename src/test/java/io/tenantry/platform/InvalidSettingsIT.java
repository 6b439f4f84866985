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
 * Deploys the real WAR with a proxy given by name instead of address, or an upgrade retry that is
 * no number of seconds: the deployment must fail, saying which variable is wrong and what to set it to (the messages of PUBLIC_SCHEME and
 * PUBLIC_PORT, checked the same way at start-up, are tested in TenantUrlsTest). Each is a copy of
 * the WAR beside the root of the run's {@link TestServers#localhost()}.
 */
@PayaraOnly("deployments that must fail, beside the root of a Payara Micro of their own (TestServers.localhost)")
class InvalidSettingsIT {

    @RegisterExtension
    static final SharedServer SERVER = TestServers.localhost();

    @Test
    void anInvalidTrustedProxyFailsTheDeploymentNamingTheVariable() throws Exception {
        PayaraProcess payara = SERVER.process();
        boolean explained = payara.awaitLine(line -> line.contains("TRUSTED_PROXIES 'proxy.example.com'")
                && line.contains("TRUSTED_PROXIES=10.0.0.5"), Duration.ofSeconds(120));
        assertTrue(explained, "no message naming TRUSTED_PROXIES:\n" + payara.tail());
        assertTrue(payara.awaitLine(line -> line.contains("Exception while loading the app")
                || line.contains("Failed to deploy"), Duration.ofSeconds(60)),
                "the deployment did not fail:\n" + payara.tail());
    }

    @Test
    void anUpgradeRetryThatIsNoNumberOfSecondsFailsTheDeploymentNamingTheVariable() throws Exception {
        PayaraProcess payara = SERVER.process();
        assertTrue(payara.awaitLine(line -> line.contains("UPGRADE_RETRY_SECONDS is 'soon'")
                && line.contains("UPGRADE_RETRY_SECONDS=30"), Duration.ofSeconds(120)),
                "no message naming UPGRADE_RETRY_SECONDS:\n" + payara.tail());
        assertTrue(payara.awaitLine(line -> line.contains("Exception while loading the app")
                || line.contains("Failed to deploy"), Duration.ofSeconds(60)),
                "the deployment did not fail:\n" + payara.tail());
    }
}
