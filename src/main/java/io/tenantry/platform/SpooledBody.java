package io.tenantry.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * A request body copied to a private temporary file (readable by the server's user only) before
 * any transaction begins, so that however slowly its sender sends it, no pooled database
 * connection waits for it; the service then reads the file, at disk speed, inside its transaction.
 * The body's own limit ({@link CappedBodies}) bounds the file: reading past it fails with
 * {@link BodyTooLargeException}. Closing deletes the file.
 */
public final class SpooledBody implements AutoCloseable {

    private final Path file;

    private SpooledBody(Path file) {
        this.file = file;
    }

    /**
     * Reads {@code body} to its end into a new temporary file.
     *
     * @throws UncheckedIOException when the body breaks off or the file cannot be written (its cause
     *         is the body's {@link BodyTooLargeException} when the limit was reached); no file is left
     */
    public static SpooledBody of(InputStream body) {
        Path file = null;
        try {
            file = Files.createTempFile("tenantry-upload-", ".part"); // readable by the server's user alone
            // Written into the file as created: copying over it (REPLACE_EXISTING) made a new one, readable by all.
            try (OutputStream out = Files.newOutputStream(file)) {
                body.transferTo(out);
            }
            return new SpooledBody(file);
        } catch (IOException e) {
            deleteQuietly(file);
            throw new UncheckedIOException("Could not receive the request's body", e);
        }
    }

    /** What {@code reader} makes of the spooled bytes, read from the start; the stream is closed after it. */
    public <T> T read(Function<InputStream, T> reader) {
        try (InputStream content = Files.newInputStream(file)) {
            return reader.apply(content);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the spooled body", e);
        }
    }

    /** Deletes the file. */
    @Override
    public void close() {
        deleteQuietly(file);
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // Only a temporary file: the operating system's cleaning of its temporary folder takes it.
            java.util.logging.Logger.getLogger(SpooledBody.class.getName()).warning(
                    "Could not delete the spooled body " + file + ": " + e);
        }
    }
}
