package io.tenantry.devserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code mvn -Prun} shows of Payara Micro's output, from lines as Payara Micro 6 writes them. */
class ServerOutputTest {

    private static final String ESC = "\u001B";

    private static String header(String level, String logger, String message) {
        return "[2026-12-01T02:00:45.742+0000] [] [" + ESC + "[1;93m" + level + ESC + "[0m] [] [" + ESC + "[1;94m"
                + logger + ESC + "[0m] [tid: _ThreadID=1 _ThreadName=main] [timeMillis: 1796090445742] [levelValue: 900] "
                + message;
    }

    private static final String PAYARA_OUTPUT = String.join("\n",
            "Payara Micro 6.2025.10 #badassmicrofish (build 1) ...",
            header("WARNING", "javax.enterprise.system.security.ssl", "[["),
            "  The SSL certificate with alias cert_7 has expired: [",
            "  Version: V3",
            "]]",
            header("WARNING", "", "MicroProfile Config: property 'db.password': no value found, no default given."),
            header("INFO", "io.tenantry.startup.Bootstrap", "Tenants are served at <label>.localhost"),
            header("SEVERE", "jakarta.enterprise.web", "[["),
            "  Servlet failed to start",
            "  at some.Stack(Trace.java:1)]]",
            header("WARNING", "io.tenantry.migration.TenantUpgrade", "Could not migrate tenant acme"),
            "\tat org.postgresql.Driver.connect(Driver.java:1)",
            header("INFO", "io.tenantry.startup.Bootstrap", "[["),
            "  Database ready in 1705 ms: tenant schema version 5, 1 tenant(s)]]",
            "");

    @Test
    void theConsoleGetsTenantrysMessagesAndSevereRecordsAndTheFileGetsEverything(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        Path log = dir.resolve("logs").resolve("server.log");
        ServerOutput output = new ServerOutput(log, new PrintStream(console, true, StandardCharsets.UTF_8));

        output.relay(new ByteArrayInputStream(PAYARA_OUTPUT.getBytes(StandardCharsets.UTF_8)));

        assertEquals(List.of(
                "  Tenants are served at <label>.localhost",
                "  ! Servlet failed to start",
                "  ! Could not migrate tenant acme",
                "  Database ready in 1705 ms: tenant schema version 5, 1 tenant(s)"),
                console.toString(StandardCharsets.UTF_8).lines().toList());
        assertEquals(PAYARA_OUTPUT, Files.readString(log));
        assertTrue(output.tail().contains("db.password"));
        assertFalse(output.tail().contains(ESC));
    }

    @Test
    void aDeploymentThatFailsIsToldWithItsCausesRootLast(@TempDir Path dir) {
        ServerOutput output = new ServerOutput(dir.resolve("server.log"), new PrintStream(new ByteArrayOutputStream(),
                true, StandardCharsets.UTF_8));
        String failing = String.join("\n",
                header("INFO", "io.tenantry.startup.Bootstrap", "Tenants are served at <label>.localhost"),
                header("SEVERE", "javax.enterprise.system.core", "Exception while loading the app"),
                "java.lang.Exception: deploying",
                "Caused by: jakarta.enterprise.inject.spi.DeploymentException: start-up failed",
                "\tat some.Stack(Trace.java:1)",
                "Caused by: java.lang.IllegalStateException: TENANTS_TRIAL_DAYS must be a whole number of days from 0",
                "");

        assertFalse(output.deploymentFailed());
        output.relay(new ByteArrayInputStream(failing.getBytes(StandardCharsets.UTF_8)));

        assertTrue(output.deploymentFailed());
        assertEquals("Caused by: jakarta.enterprise.inject.spi.DeploymentException: start-up failed\n"
                + "Caused by: java.lang.IllegalStateException: TENANTS_TRIAL_DAYS must be a whole number of days from 0",
                output.causes());
    }

    @Test
    void theLogOfThePreviousStartIsKept(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("server.log");
        Files.writeString(log, "the last start\n");
        ServerOutput output = new ServerOutput(log, new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8));

        output.relay(new ByteArrayInputStream("this start\n".getBytes(StandardCharsets.UTF_8)));

        assertEquals("this start\n", Files.readString(log));
        assertEquals("the last start\n", Files.readString(dir.resolve("server.log.1")));
    }
}
