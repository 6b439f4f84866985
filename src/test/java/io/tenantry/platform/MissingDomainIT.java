package io.tenantry.platform;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * Deploys the real WAR on Payara Micro without TENANTS_DOMAIN: the deployment must fail, saying
 * which variable is missing and what to set it to.
 */
class MissingDomainIT {

    @Test
    void deploymentFailsNamingTheVariableWithAnExample() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        ProcessBuilder builder = new ProcessBuilder(List.of(
                System.getProperty("java.home") + "/bin/java", "-Xmx512m",
                "-Ddb.url=" + System.getProperty("tenantry.test.db.url"),
                "-jar", System.getProperty("payara.microJar"),
                "--deploy", System.getProperty("tenantry.test.war"), "--contextroot", "/",
                "--port", String.valueOf(port), "--nocluster"))
                .redirectErrorStream(true);
        builder.environment().remove("TENANTS_DOMAIN");
        Process payara = builder.start();
        StringBuilder output = new StringBuilder();
        boolean explained = false;
        boolean deploymentFailed = false;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(payara.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                output.append(line).append('\n');
                explained |= line.contains("TENANTS_DOMAIN is not set") && line.contains("TENANTS_DOMAIN=tenants.example.com");
                deploymentFailed |= line.contains("Exception while loading the app") || line.contains("Failed to deploy");
                if (line.contains("ready in") || explained && deploymentFailed) {
                    break;
                }
            }
        } finally {
            payara.destroy();
            if (!payara.waitFor(30, TimeUnit.SECONDS)) {
                payara.destroyForcibly();
            }
        }
        assertTrue(explained, "no message naming TENANTS_DOMAIN:\n" + tail(output));
        assertTrue(deploymentFailed, "the deployment did not fail:\n" + tail(output));
    }

    private static String tail(StringBuilder output) {
        return output.substring(Math.max(0, output.length() - 4000));
    }
}
