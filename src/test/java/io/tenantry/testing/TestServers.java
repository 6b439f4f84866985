package io.tenantry.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The Payara Micro processes a test run shares beside the one Arquillian deploys to
 * ({@link ArquillianServer}, which almost every test class uses through {@link DeployedTenantry}):
 * one for the settings that are the point of some tests, in
 * two only because they cannot share one domain: {@link #options()} on the tests' domain,
 * {@link #localhost()} on {@code localhost} (with the deployments that must fail beside it). All
 * share the run's database, so the last two are also second instances beside the first.
 */
public final class TestServers {

    /** Where the options server keeps its own files ({@code --rootdir}), for tests that look inside. */
    public static final Path OPTIONS_ROOT = Path.of("target", "options-root").toAbsolutePath();

    /**
     * The copies of the WAR that {@link #localhost()} deploys beside its root, by name: each with
     * TENANTS_DOMAIN and one wrong setting.
     */
    public static final Map<String, String> WRONG_SETTINGS = Map.of(
            "proxy-by-name", "trusted.proxies=proxy.example.com",
            "retry-soon", "upgrade.retry.seconds=soon");

    /**
     * The name of {@link #options()} for JUnit's {@code @ResourceLock}: every class on that server
     * takes it to read ({@code mode = READ}), and one that measures the server itself (its heap, its
     * spool folder) takes it alone ({@code READ_WRITE}), so that no other class's requests move what
     * it measures.
     */
    public static final String OPTIONS_LOCK = "the options server";

    /** METRICS_TENANTS of {@link #options()}: so few that its metrics soon count tenants as {@code other}. */
    public static final int METRICS_TENANTS_OF_OPTIONS = 2;

    /**
     * DB_CONNECTION_MEMORY_MB of {@link #options()}: the least there is (a new backend holds about 1.3 MiB),
     * which a connection passes once it has served a few tenants' reads, so its pool retires connections
     * all the time, under every class that runs there. The run's other servers keep the default (48 MiB), as
     * production does: the plans a connection keeps are measured there.
     */
    public static final int CONNECTION_MEMORY_MB_OF_OPTIONS = 2;

    private static final String SETTINGS = "WEB-INF/classes/META-INF/microprofile-config.properties";

    private TestServers() {
    }

    /**
     * Unpaid tenants blocked (TENANTS_BLOCK_UNPAID), a 256 MiB heap so that a body read whole would
     * not fit, a known root folder ({@link #OPTIONS_ROOT}), and a first upgrade retry after 1 s
     * (UPGRADE_RETRY_SECONDS) so that a failed upgrade is seen retried by the back-off within a
     * test; metrics name only {@link #METRICS_TENANTS_OF_OPTIONS} tenants (METRICS_TENANTS); pooled
     * connections retired above {@link #CONNECTION_MEMORY_MB_OF_OPTIONS} MiB (DB_CONNECTION_MEMORY_MB). Tenants made there need a paid-until date in the future to be served. It shares the
     * database with the run's other servers: a second instance for the tests that need one.
     */
    public static SharedServer options() {
        return new SharedServer("options", () -> {
            deleteTree(OPTIONS_ROOT); // what an earlier run left
            PayaraProcess process = PayaraProcess.start(true, List.of("--rootdir", OPTIONS_ROOT.toString()),
                    "-Xmx256m", "-Dtenants.block-unpaid=true", "-Dupgrade.retry.seconds=1",
                    "-Dmetrics.tenants=" + METRICS_TENANTS_OF_OPTIONS, "-Ddb.connection.memory-mb=" + CONNECTION_MEMORY_MB_OF_OPTIONS);
            // A small heap on a busy machine starts slowly: wait for Payara Micro before the readiness check's own wait.
            awaitStarted(process);
            return process;
        });
    }

    /**
     * The settings that are off (or on) by default switched the other way (operators read every
     * tenant, no registration, tenants created by permission only), a storage limit of 1 MiB per tenant
     * (TENANT_STORAGE_MAX_MB), on the domain {@code localhost},
     * the development default, which Chromium resolves by itself; and beside it every deployment
     * that must fail on a setting. The process has no TENANTS_DOMAIN: its root is a copy of the WAR
     * naming {@code localhost} in its own {@code microprofile-config.properties} (MicroProfile Config
     * reads that file per application), so the WAR Maven built, deployed as it is at
     * {@code /missing-domain}, fails for want of the domain; and a copy for each of
     * {@link #WRONG_SETTINGS} fails on its setting.
     */
    public static SharedServer localhost() {
        return new SharedServer("localhost", () -> {
            // Deployed after boot, one asadmin command each: a failed deployment among Payara
            // Micro's own --deploy options ends the deploying of the others.
            // After payara-config's own post-boot commands (the pool): Payara Micro reads one such file.
            StringBuilder commands = new StringBuilder(serverResources() + "\ndeploy --name missing-domain --contextroot /missing-domain "
                    + System.getProperty("tenantry.test.war") + "\n");
            WRONG_SETTINGS.forEach((name, setting) -> commands.append("deploy --name ").append(name)
                    .append(" --contextroot /").append(name).append(' ')
                    .append(copyWith(name, "tenants.domain=" + Tenantry.DOMAIN + "\n" + setting + "\n")).append('\n'));
            Path file = Path.of(System.getProperty("tenantry.test.war")).resolveSibling("failing-deployments.asadmin");
            try {
                Files.writeString(file, commands);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            PayaraProcess process = PayaraProcess.start(copyWith("localhost-root", "tenants.domain=localhost\n"), false,
                    List.of("--postbootcommandfile", file.toString()), "-Doperators.read-access=true",
                    "-Dregistration.enabled=false", "-Dtenant.creation=permitted", "-Dtenant.storage.max-mb=1");
            // Four deployments, while other servers of the run start too: the tests' own waits begin once it is up.
            awaitStarted(process);
            return process;
        });
    }

    private static String serverResources() {
        try {
            return Files.readString(Path.of(System.getProperty("payara.postBootCommands")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path folder) {
        if (Files.exists(folder)) {
            try (Stream<Path> paths = Files.walk(folder)) {
                paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static void awaitStarted(PayaraProcess process) {
        try {
            process.awaitLine(line -> false, Duration.ofMinutes(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A copy of the WAR Maven built, named {@code name}.war, with more settings of its own. */
    private static Path copyWith(String name, String settings) {
        Path war = Path.of(System.getProperty("tenantry.test.war"));
        Path copy = war.resolveSibling(name + ".war");
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(war));
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(copy))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals(SETTINGS)) {
                    out.write((new String(in.readAllBytes(), StandardCharsets.UTF_8) + "\n" + settings)
                            .getBytes(StandardCharsets.UTF_8));
                } else {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return copy;
    }
}
