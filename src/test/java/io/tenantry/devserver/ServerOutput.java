package io.tenantry.devserver;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Payara Micro's console output, as {@code mvn -Prun} handles it: every line goes to the log file,
 * and the console gets only what a person starting the server needs: Tenantry's own messages at
 * INFO and above, and any SEVERE record of the server, one line each. Payara's several hundred
 * start-up lines (certificate dumps, port notices, configuration warnings) stay in the file.
 *
 * <p>Payara Micro writes a record as one header line, {@code [time] [] [LEVEL] [id] [logger] …
 * [levelValue: n] message}, whose message may instead open with {@code [[} and go on over further
 * lines up to {@code ]]}; levels and loggers may be wrapped in ANSI colour codes.
 */
final class ServerOutput {

    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;]*m");
    private static final Pattern HEADER = Pattern.compile(
            "^\\[[0-9]{4}-[^\\]]*\\] \\[[^\\]]*\\] \\[(\\w+)\\] \\[[^\\]]*\\] \\[([^\\]]*)\\] .*?\\[levelValue: \\d+\\] ?(.*)$");
    private static final int MAX_SHOWN = 300;
    private static final int TAIL = 40;
    private static final int CAUSES = 5;

    private final Path logFile;
    private final PrintStream console;
    private final Deque<String> tail = new ArrayDeque<>();
    private final Deque<String> causes = new ArrayDeque<>();
    private volatile boolean deploymentFailed;
    private String pendingLevel;
    private String pendingLogger;

    /** Output to {@code logFile} (the one of the last start is kept as {@code <name>.1}) and {@code console}. */
    ServerOutput(Path logFile, PrintStream console) {
        this.logFile = logFile;
        this.console = console;
    }

    Path logFile() {
        return logFile;
    }

    /** Copies the stream to the log file line by line, showing what {@link #shown} picks; returns at its end. */
    void relay(InputStream output) {
        try {
            Files.createDirectories(logFile.getParent());
            if (Files.exists(logFile)) {
                Files.move(logFile, logFile.resolveSibling(logFile.getFileName() + ".1"),
                        StandardCopyOption.REPLACE_EXISTING);
            }
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8));
                    Writer log = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8)) {
                for (String line = readLine(lines); line != null; line = readLine(lines)) {
                    log.write(line);
                    log.write('\n');
                    log.flush();
                    remember(line);
                    shown(line).ifPresent(console::println);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the server's log to " + logFile, e);
        }
    }

    /** The next line, or null at the end: a server stopped (Ctrl-C) closes its output mid-read. */
    private static String readLine(BufferedReader lines) {
        try {
            return lines.readLine();
        } catch (IOException closed) {
            return null;
        }
    }

    /**
     * Whether the application failed to deploy: Payara Micro then goes on running without it, so
     * waiting for it to be ready would never end.
     */
    boolean deploymentFailed() {
        return deploymentFailed;
    }

    /** The causes the server gave for the failure ("Caused by: …" lines), the root cause last. */
    synchronized String causes() {
        return String.join("\n", causes);
    }

    /** The last lines written, for when the server stops before it is ready. */
    synchronized String tail() {
        return String.join("\n", tail);
    }

    /**
     * What the console shows of one line of Payara's output: the message of a Tenantry record at
     * INFO or above or of any SEVERE record, as "  message" ("  ! message" for SEVERE and WARNING),
     * cut at 300 characters; a record's message may come on the line after its header.
     */
    Optional<String> shown(String rawLine) {
        String line = ANSI.matcher(rawLine).replaceAll("");
        Matcher header = HEADER.matcher(line);
        if (header.matches()) {
            String level = header.group(1);
            String logger = header.group(2);
            String message = header.group(3).strip();
            pendingLevel = null;
            if (message.equals("[[") || message.isEmpty()) {
                pendingLevel = level;
                pendingLogger = logger;
                return Optional.empty();
            }
            return show(level, logger, message);
        }
        if (pendingLevel != null) {
            String level = pendingLevel;
            pendingLevel = null;
            String message = line.strip();
            return message.isEmpty() ? Optional.empty() : show(level, pendingLogger, message);
        }
        return Optional.empty();
    }

    private static Optional<String> show(String level, String logger, String message) {
        boolean ours = logger.startsWith("io.tenantry.");
        boolean severe = level.equals("SEVERE");
        if (!ours && !severe) {
            return Optional.empty();
        }
        String text = message.endsWith("]]") ? message.substring(0, message.length() - 2).strip() : message;
        if (text.length() > MAX_SHOWN) {
            text = text.substring(0, MAX_SHOWN) + " …";
        }
        return Optional.of((severe || level.equals("WARNING") ? "  ! " : "  ") + text);
    }

    private synchronized void remember(String line) {
        String plain = ANSI.matcher(line).replaceAll("");
        tail.addLast(plain);
        if (tail.size() > TAIL) {
            tail.removeFirst();
        }
        if (plain.contains("Exception while loading the app")
                || (plain.contains("Startup of context") && plain.contains("failed"))) {
            deploymentFailed = true;
        }
        if (plain.startsWith("Caused by: ") && !causes.contains(plain)) {
            causes.addLast(plain);
            if (causes.size() > CAUSES) {
                causes.removeFirst();
            }
        }
    }
}
