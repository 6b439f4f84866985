package io.tenantry.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** A body being spooled is in a file that only the server's user may read. */
class SpooledBodyTest {

    private static final Path TEMP = Path.of(System.getProperty("java.io.tmpdir"));

    @Test
    void theFileABodyArrivesInIsReadableByTheServersUserAlone() throws IOException {
        Set<Path> before = uploads();
        List<String> seen = new java.util.ArrayList<>();
        // Looks at the file when the body has been read to its end, while it is still being written.
        ByteArrayInputStream content = new ByteArrayInputStream("a body".getBytes());
        InputStream body = new InputStream() {
            @Override
            public int read() {
                return content.read();
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                int read = content.read(buffer, offset, length);
                if (read < 0) {
                    Set<Path> arriving = uploads();
                    arriving.removeAll(before);
                    arriving.forEach(file -> seen.add(permissions(file)));
                }
                return read;
            }
        };
        try (SpooledBody spooled = SpooledBody.of(body)) {
            assertEquals(List.of("rw-------"), seen);
        }
    }

    private static Set<Path> uploads() {
        try (Stream<Path> files = Files.list(TEMP)) {
            return new HashSet<>(files.filter(file -> file.getFileName().toString().startsWith("tenantry-upload-")).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String permissions(Path file) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
