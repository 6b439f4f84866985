package io.tenantry.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.tenantry.tenancy.SchemaName;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Files kept per tenant under FILES_ROOT (default {@code ~/.tenantry/files}), in a folder named
 * after the tenant's schema. Callers name files with fixed names of their own, never with names
 * that came from a request, so no path can leave the tenant's folder; the check below makes sure.
 */
@ApplicationScoped
public class TenantFiles {

    @Inject
    @ConfigProperty(name = "files.root")
    Optional<String> configuredRoot;

    private Path root;

    @PostConstruct
    void locateRoot() {
        root = Path.of(configuredRoot.filter(r -> !r.isBlank())
                .orElse(System.getProperty("user.home") + "/.tenantry/files")).toAbsolutePath().normalize();
    }

    /** A stored file: its size in bytes, and its bytes as a stream the caller closes. */
    public record Stored(long size, InputStream content) {
    }

    /**
     * Opens a file of the tenant to stream it (a download, the logo): empty when there is none.
     * Nothing is read yet; the caller closes the stream.
     */
    public Optional<Stored> open(SchemaName tenant, String name) {
        Path file = fileOf(tenant, name);
        try {
            return Optional.of(new Stored(Files.size(file), Files.newInputStream(file)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not open " + file, e);
        }
    }

    /**
     * The whole file in memory, for the archive export of files written under their limits here;
     * what is served to people is streamed ({@link #open}).
     */
    public Optional<byte[]> read(SchemaName tenant, String name) {
        Path file = fileOf(tenant, name);
        try {
            return Files.exists(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
    }

    /** Writes the whole file or nothing: readers never see half of it. */
    public void write(SchemaName tenant, String name, byte[] content) {
        Path file = fileOf(tenant, name);
        try {
            Files.createDirectories(file.getParent());
            Path partial = Files.createTempFile(file.getParent(), ".upload-", ".part");
            Files.write(partial, content);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
    }

    /**
     * Writes a file from a stream, whole or not at all, refusing it once it passes {@code maxBytes}.
     * Returns its size.
     */
    public long write(SchemaName tenant, String name, InputStream content, long maxBytes) {
        Path file = fileOf(tenant, name);
        Path partial = null;
        try {
            Files.createDirectories(file.getParent());
            partial = Files.createTempFile(file.getParent(), ".upload-", ".part");
            long size;
            try (OutputStream out = Files.newOutputStream(partial)) {
                size = copy(content, out, maxBytes);
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return size;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        } finally {
            deleteQuietly(partial);
        }
    }

    /** The names of the tenant's files, for exports. */
    public List<String> names(SchemaName tenant) {
        Path folder = folderOf(tenant);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(path -> path.getFileName().toString()).filter(name -> !name.startsWith(".")).sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list the files of " + tenant, e);
        }
    }

    public void delete(SchemaName tenant, String name) {
        try {
            Files.deleteIfExists(fileOf(tenant, name));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete " + name, e);
        }
    }

    /** Removes the tenant's folder and everything in it, after the tenant itself is gone. */
    public void deleteAll(SchemaName tenant) {
        Path folder = folderOf(tenant);
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete the files of " + tenant, e);
        }
    }

    private static long copy(InputStream in, OutputStream out, long maxBytes) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long size = 0;
        for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
            size += read;
            if (size > maxBytes) {
                throw new FileTooLargeException(maxBytes);
            }
            out.write(buffer, 0, read);
        }
        return size;
    }

    private static void deleteQuietly(Path partial) {
        try {
            if (partial != null) {
                Files.deleteIfExists(partial);
            }
        } catch (IOException e) {
            // A leftover ".part" file is never read; the next write of the folder does not see it.
        }
    }

    private Path folderOf(SchemaName tenant) {
        return root.resolve(tenant.value()).normalize();
    }

    private Path fileOf(SchemaName tenant, String name) {
        Path folder = folderOf(tenant);
        Path file = folder.resolve(name).normalize();
        if (!file.getParent().equals(folder) || !name.matches("[a-z0-9][a-z0-9._-]*")) {
            throw new IllegalArgumentException("Not a file name of a tenant's folder: " + name);
        }
        return file;
    }
}
