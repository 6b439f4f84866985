package io.tenantry.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
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
