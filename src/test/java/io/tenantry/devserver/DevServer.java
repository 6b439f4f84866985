package io.tenantry.devserver;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.tenantry.testing.EmbeddedDatabase;

/**
 * What {@code mvn -Prun} runs: an embedded PostgreSQL (unless DB_URL is set) whose data survives
 * restarts and {@code mvn clean}, then Payara Micro with the WAR at the root context and the
 * server settings of payara-config/ (as every Payara Micro of the project starts). Prints where
 * to go and how to sign in; Ctrl-C stops both.
 */
public final class DevServer {

    private DevServer() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        Path dataDir = Path.of(env.getOrDefault("DATA_DIR", System.getProperty("user.home") + "/.tenantry"));
        String port = env.getOrDefault("HTTP_PORT", "8080");
        String domain = env.getOrDefault("TENANTS_DOMAIN", "localhost");
        Files.createDirectories(dataDir);

        EmbeddedDatabase database = null;
        String dbUrl = env.get("DB_URL");
        if (dbUrl == null || dbUrl.isBlank()) {
            database = EmbeddedDatabase.start(dataDir.resolve("postgres"), true);
            dbUrl = database.jdbcUrl();
            System.out.println("Embedded PostgreSQL: " + dbUrl + " (data in " + dataDir.resolve("postgres") + ")");
        }
        String adminPassword = env.getOrDefault("ADMIN_PASSWORD", rememberedPassword(dataDir));

        List<String> command = new ArrayList<>(List.of(System.getProperty("java.home") + "/bin/java",
                "-Xmx" + env.getOrDefault("JAVA_HEAP", "1g"), "-jar", System.getProperty("payara.microJar"),
                "--deploy", System.getProperty("tenantry.war"), "--contextroot", "/", "--port", port, "--nocluster",
                "--prebootcommandfile", System.getProperty("payara.preBootCommands")));
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().put("DB_URL", dbUrl);
        builder.environment().put("TENANTS_DOMAIN", domain);
        builder.environment().put("ADMIN_PASSWORD", adminPassword);
        builder.environment().put("DATA_DIR", dataDir.toString());
        Process payara = builder.start();

        EmbeddedDatabase started = database;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(payara, started)));
        announceWhenReady(payara, port, domain, env.getOrDefault("ADMIN_USERNAME", "admin"), adminPassword,
                env.containsKey("ADMIN_PASSWORD"), dataDir);
        int exit = payara.waitFor();
        System.exit(exit);
    }

    /** The development super-user's password, generated once and kept beside the data. */
    private static String rememberedPassword(Path dataDir) throws IOException {
        Path file = dataDir.resolve("admin-password");
        if (Files.exists(file)) {
            return Files.readString(file).strip();
        }
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Files.writeString(file, password);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return password;
    }

    private static void announceWhenReady(Process payara, String port, String domain, String admin, String password,
            boolean passwordFromEnv, Path dataDir) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        while (payara.isAlive()) {
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    String base = "http://public." + domain + ":" + port;
                    System.out.println("""

                            ================================================================
                             Tenantry is ready.
                               Public tenant:  %s/
                               Any tenant:     http://<label>.%s:%s/
                               REST API:       %s/api/tenants   OpenAPI: http://localhost:%s/openapi
                               Super-user:     %s / %s%s
                             Create a tenant:
                               curl -u %s:%s -H 'Content-Type: application/json' \\
                                    -d '{"label":"acme","name":"Acme Inc."}' %s/api/tenants
                             Ctrl-C stops Payara Micro and the embedded database.
                            ================================================================
                            """.formatted(base, domain, port, base, port, admin, password,
                            passwordFromEnv ? "  (ADMIN_PASSWORD)" : "  (kept in " + dataDir.resolve("admin-password") + ")",
                            admin, password, base));
                    return;
                }
            } catch (IOException notYet) {
                // Payara is still starting
            }
            Thread.sleep(1000);
        }
    }

    private static void stop(Process payara, EmbeddedDatabase database) {
        payara.destroy();
        try {
            if (!payara.waitFor(60, TimeUnit.SECONDS)) {
                payara.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (database != null) {
            database.close();
        }
    }
}
