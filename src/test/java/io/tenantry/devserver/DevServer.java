package io.tenantry.devserver;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.tenantry.testing.EmbeddedDatabase;

/**
 * What {@code mvn -Prun} runs: an embedded PostgreSQL (unless DB_URL is set) whose data survives
 * restarts, {@code mvn clean} and crashes (fsync and synchronous commit on), then Payara Micro with
 * the WAR at the root context and the server settings of payara-config/ (as every Payara Micro of
 * the project starts), the tenants' files under DATA_DIR unless FILES_ROOT is set. Prints a line per
 * stage, then where to go and how to sign in; Payara's full output goes to DATA_DIR/logs/server.log
 * (see {@link ServerOutput}). Ctrl-C stops both.
 */
public final class DevServer {

    private DevServer() {
    }

    public static void main(String[] args) throws Exception {
        // The password check below names the public host in a Host header: *.localhost need not resolve here.
        System.setProperty("jdk.httpclient.allowRestrictedHeaders", "host");
        DevSettings settings;
        try {
            settings = DevSettings.of(System.getenv(), Path.of(System.getProperty("user.home")));
        } catch (IllegalArgumentException wrongSetting) {
            System.out.println("Tenantry did not start: " + wrongSetting.getMessage());
            System.exit(2);
            return;
        }
        Files.createDirectories(settings.dataDir());

        EmbeddedDatabase database = null;
        String dbUrl = settings.databaseUrl().orElse(null);
        if (dbUrl == null) {
            database = EmbeddedDatabase.durable(settings.databaseDir());
            dbUrl = database.jdbcUrl();
            System.out.println("Database: embedded PostgreSQL, data in " + settings.databaseDir());
        } else {
            System.out.println("Database: " + dbUrl + " (DB_URL)");
        }
        PasswordFile passwordFile = new PasswordFile(settings.passwordFile());
        String adminPassword = passwordFile.forStart(settings.adminPassword());

        List<String> command = new ArrayList<>(List.of(System.getProperty("java.home") + "/bin/java"));
        command.addAll(settings.jvmOptions());
        command.addAll(List.of("-jar", System.getProperty("payara.microJar"),
                "--deploy", System.getProperty("tenantry.war"), "--contextroot", "/", "--port", settings.port(),
                "--nohazelcast", "--prebootcommandfile", System.getProperty("payara.preBootCommands"),
                "--postbootcommandfile", System.getProperty("payara.postBootCommands"),
                "--addlibs", System.getProperty("payara.serverLibraries")));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.INHERIT);
        // docs/deploy.md, "Resident memory": glibc's arenas per thread, capped; the JVM allocates outside them little.
        builder.environment().put("MALLOC_ARENA_MAX", "2");
        builder.environment().put("DB_URL", dbUrl);
        builder.environment().put("TENANTS_DOMAIN", settings.domain());
        builder.environment().put("ADMIN_PASSWORD", adminPassword);
        builder.environment().put("DATA_DIR", settings.dataDir().toString());
        builder.environment().put("FILES_ROOT", settings.filesRoot().toString());
        ServerOutput output = new ServerOutput(settings.dataDir().resolve("logs").resolve("server.log"), System.out);
        System.out.println("Payara Micro: starting on port " + settings.port() + "; its full log: " + output.logFile());
        Process payara = builder.start();
        Thread relay = new Thread(() -> output.relay(payara.getInputStream()), "server-output");
        relay.setDaemon(true);
        relay.start();

        EmbeddedDatabase started = database;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(payara, started)));
        announceWhenReady(payara, settings, passwordFile, output);
        int exit = payara.waitFor();
        relay.join(TimeUnit.SECONDS.toMillis(5));
        if (exit != 0) {
            System.out.println("Payara Micro stopped (exit " + exit + "). The last lines of " + output.logFile() + ":\n"
                    + output.tail());
        }
        System.exit(exit);
    }

    private static void announceWhenReady(Process payara, DevSettings settings, PasswordFile passwordFile,
            ServerOutput output) throws InterruptedException, IOException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String base = "http://public." + settings.domain() + ":" + settings.port();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://localhost:" + settings.port() + "/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        while (payara.isAlive()) {
            if (output.deploymentFailed()) {
                System.out.println("Tenantry did not start: Payara Micro could not deploy it. Why, as the server says"
                        + " (the root cause last; all of it in " + output.logFile() + "):\n" + output.causes());
                System.exit(1); // the shutdown hook stops Payara Micro and the database
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    Optional<String> password = passwordFile.keepTrue(settings.adminPassword(),
                            candidate -> signsIn(http, base, settings.adminUsername(), candidate));
                    System.out.println(banner(settings, base, password, output.logFile()));
                    return;
                }
            } catch (IOException notYet) {
                // Payara is still starting
            }
            Thread.sleep(1000);
        }
    }

    /** What the server says to the super-user signing in with {@code password} (HTTP Basic on GET /api/me). */
    private static PasswordFile.SignIn signsIn(HttpClient http, String base, String username, String password) {
        HttpRequest me = HttpRequest.newBuilder(URI.create("http://localhost:" + URI.create(base).getPort() + "/api/me"))
                .header("Host", URI.create(base).getHost())
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (username + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(10)).build();
        try {
            int status = http.send(me, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status == 200 ? PasswordFile.SignIn.SIGNS_IN
                    : status == 401 ? PasswordFile.SignIn.REFUSED : PasswordFile.SignIn.UNANSWERED;
        } catch (IOException e) {
            return PasswordFile.SignIn.UNANSWERED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return PasswordFile.SignIn.UNANSWERED;
        }
    }

    private static String banner(DevSettings settings, String base, Optional<String> password, Path log) {
        String admin = settings.adminUsername();
        String signIn = password.map(p -> p + (settings.adminPassword().filter(p::equals).isPresent()
                ? "  (ADMIN_PASSWORD)" : "  (kept in " + settings.passwordFile() + ")"))
                .orElse("neither ADMIN_PASSWORD nor " + settings.passwordFile() + " signs in: the password was changed"
                        + " on the profile page");
        return """

                ================================================================
                 Tenantry is ready.
                   Public tenant:  %s/
                   Any tenant:     http://<label>.%s:%s/
                   REST API:       %s/api/tenants   OpenAPI: http://localhost:%s/openapi
                   Super-user:     %s / %s
                   Tenants' files: %s
                   Server log:     %s
                 Create a tenant:
                   curl -u %s:%s -H 'Content-Type: application/json' \\
                        -d '{"label":"acme","name":"Acme Inc."}' %s/api/tenants
                 Ctrl-C stops Payara Micro and the embedded database.
                ================================================================
                """.formatted(base, settings.domain(), settings.port(), base, settings.port(), admin, signIn,
                settings.filesRoot(), log, admin, password.orElse("PASSWORD"), base);
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
