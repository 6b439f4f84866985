package io.tenantry.testing;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Payara Micro started as its own process with the WAR Maven built: the run's shared servers
 * ({@link TestServers}), and those of tests that need more instances, a restart or a deployment
 * expected to fail. Its output is kept for {@link #awaitLine}, {@link #printed} and {@link #tail},
 * and written to {@code target/servers/payara-<port>.log} for whoever reads a failed run.
 */
public final class PayaraProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final List<String> lines = new ArrayList<>();

    private PayaraProcess(Process process, int port) {
        this.process = process;
        this.port = port;
        Thread reader = new Thread(this::readOutput, "payara-output-" + port);
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts with the test database; {@code withDomain} false leaves TENANTS_DOMAIN unset;
     * {@code settings} are more system properties, such as {@code "-Dtenants.block-unpaid=true"}.
     */
    public static PayaraProcess start(boolean withDomain, String... settings) {
        return start(withDomain, List.of(), settings);
    }

    /**
     * As {@link #start(boolean, String...)}, with more options of Payara Micro itself, such as
     * {@code --rootdir} to know where it keeps its temporary files. A later {@code -Xmx} among the
     * settings replaces the default heap of 512 MiB.
     */
    public static PayaraProcess start(boolean withDomain, List<String> microOptions, String... settings) {
        return start(Path.of(System.getProperty("tenantry.test.war")), withDomain, microOptions, settings);
    }

    /**
     * As {@link #start(boolean, List, String...)}, with {@code war} at the root instead of the WAR
     * Maven built: a copy with settings of its own ({@link TestServers}).
     */
    public static PayaraProcess start(Path war, boolean withDomain, List<String> microOptions, String... settings) {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(System.getProperty("java.home") + "/bin/java"));
        // The build's JVM options for servers in tests (pom.xml, tests.jvmOptions): they halve a start's CPU.
        Stream.of(System.getProperty("tests.jvmOptions", "").split("\\s+")).filter(o -> !o.isBlank()).forEach(command::add);
        command.addAll(List.of("-Xmx512m",
                "-Ddb.url=" + System.getProperty("tenantry.test.db.url"),
                "-Dadmin.password=" + Tenantry.ADMIN_PASSWORD, "-Dadmin.email=" + Tenantry.emailOf(Tenantry.ADMIN), "-Dfiles.root=" + System.getProperty("tenantry.test.files"),
                "-Dmetrics.token=" + Tenantry.METRICS_TOKEN, "-Dpassword.iterations=" + Tenantry.PASSWORD_ITERATIONS,
                "-Dtenants.ready-schemas=" + Tenantry.READY_SCHEMAS));
        if (withDomain) {
            command.add("-Dtenants.domain=" + Tenantry.DOMAIN);
        }
        if (System.getProperty(TestMail.PORT_PROPERTY) != null) {
            // Its mail reaches the test SMTP server too: people join tenants by mailed invitations.
            command.addAll(List.of("-Dsmtp.host=127.0.0.1", "-Dsmtp.port=" + System.getProperty(TestMail.PORT_PROPERTY)));
        }
        command.addAll(List.of(settings));
        command.addAll(List.of("-jar", System.getProperty("payara.microJar"),
                "--deploy", war.toString(), "--contextroot", "/",
                "--port", String.valueOf(port), "--nohazelcast",
                "--prebootcommandfile", System.getProperty("payara.preBootCommands"),
                "--addlibs", System.getProperty("payara.serverLibraries")));
        if (microOptions.stream().noneMatch("--postbootcommandfile"::equals)) {
            // Payara Micro reads one post-boot file: a test that brings its own starts from payara-config's (TestServers).
            command.addAll(List.of("--postbootcommandfile", System.getProperty("payara.postBootCommands")));
        }
        command.addAll(microOptions);
        // One line per start in the build's output, so that a run's server starts can be counted.
        System.out.println("Starting Payara Micro process on port " + port + " with " + String.join(" ", settings)
                + " " + String.join(" ", microOptions) + "; its output goes to target/servers/payara-" + port + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("TENANTS_DOMAIN");
        try {
            return new PayaraProcess(builder.start(), port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URL url() {
        try {
            return new URL("http://localhost:" + port + "/");
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The operating system's id of the server's process, for tools such as {@code jcmd}. */
    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits until a line of the output matches, or Payara Micro has finished starting without one. */
    public boolean awaitLine(Predicate<String> wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            synchronized (lines) {
                if (lines.stream().anyMatch(wanted)) {
                    return true;
                }
                if (lines.stream().anyMatch(line -> line.contains("Payara Micro") && line.contains("ready in"))) {
                    return false;
                }
            }
            Thread.sleep(200);
        }
        return false;
    }

    public boolean printed(Predicate<String> wanted) {
        synchronized (lines) {
            return lines.stream().anyMatch(wanted);
        }
    }

    /** The last lines of output, for assertion messages. */
    public String tail() {
        synchronized (lines) {
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        }
    }

    /** Ends the process at once, as kill -9 does: nothing of the server's own shutdown runs. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private void readOutput() {
        try (BufferedReader output = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             BufferedWriter log = Files.newBufferedWriter(logOf(port), StandardCharsets.UTF_8)) {
            for (String line = output.readLine(); line != null; line = output.readLine()) {
                synchronized (lines) {
                    lines.add(line);
                }
                log.write(line);
                log.newLine();
                log.flush();
            }
        } catch (IOException ended) {
            // the process is gone
        }
    }

    /** Where the output of the server on {@code port} is written. */
    private static Path logOf(int port) throws IOException {
        Path folder = Path.of("target", "servers");
        Files.createDirectories(folder);
        return folder.resolve("payara-" + port + ".log");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
