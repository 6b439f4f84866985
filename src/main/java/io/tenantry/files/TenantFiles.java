package io.tenantry.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.tenantry.tenancy.Tenant;
import io.tenantry.tenancy.TenantDirectory;
import io.tenantry.tenancy.TenantGoneException;
import io.tenantry.tenancy.TenantRegistry;
import io.tenantry.tenancy.TenantRestores;
import io.tenantry.tenancy.TenantRestoringException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Files kept per tenant under FILES_ROOT (default {@code ~/.tenantry/files}), in the folder its
 * registry row names ({@link Tenant#filesFolder()}): a UUID chosen when the tenant was created, so
 * a folder belongs to one tenant's life and a label used again never finds the files of its
 * earlier tenant. Callers name files with fixed names of their own, never with names that came
 * from a request, so no path can leave the tenant's folder; the check below makes sure. A write
 * goes to a {@code .part} file first, which is removed whenever the write does not complete.
 */
@ApplicationScoped
public class TenantFiles {

    private static final Logger LOG = Logger.getLogger(TenantFiles.class.getName());
    private static final String PARTIAL_SUFFIX = ".part";

    @Inject
    @ConfigProperty(name = "files.root")
    Optional<String> configuredRoot;

    @Inject
    TenantDirectory directory;

    @Inject
    TenantRestores restores;

    @Inject
    TenantRegistry registry;

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
    public Optional<Stored> open(Tenant tenant, String name) {
        Path file = fileOf(tenant, name);
        try {
            return Optional.of(new Stored(Files.size(file), Files.newInputStream(file)));
        } catch (NoSuchFileException e) {
            requireCurrentFolder(tenant);
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not open " + file, e);
        }
    }

    /**
     * Copies an existing file into {@code out} without holding it in memory; a file that is not
     * there (or cannot be read) is an UncheckedIOException.
     */
    public void copyTo(Tenant tenant, String name, OutputStream out) {
        Path file = fileOf(tenant, name);
        try {
            Files.copy(file, out);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
    }

    /** The bytes of every file in the tenant's folder now, writes under way included; 0 before its first file. */
    public long folderBytes(Tenant tenant) {
        Path folder = folderOf(tenant.filesFolder());
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> each = Files.list(folder)) {
            return each.mapToLong(TenantFiles::sizeOrNothing).sum();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not measure " + folder, e);
        }
    }

    /** A file's size, 0 when it went away while its folder was listed. */
    private static long sizeOrNothing(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /** Whether the tenant has a file of that name. */
    public boolean exists(Tenant tenant, String name) {
        return Files.isRegularFile(fileOf(tenant, name));
    }

    /** Writes the whole file or nothing: readers never see half of it, and no partial file stays. */
    public void write(Tenant tenant, String name, byte[] content) {
        Path file = fileOf(tenant, name);
        Path partial = null;
        try {
            partial = partialFileFor(tenant, file);
            Files.write(partial, content);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw writeFailure(tenant, file, e);
        } finally {
            deleteQuietly(partial);
        }
    }

    /**
     * Writes a file from a stream, whole or not at all, refusing it ({@link FileTooLargeException})
     * once it passes {@code maxBytes}. Returns its size in bytes; no partial file stays on failure.
     */
    public long write(Tenant tenant, String name, InputStream content, long maxBytes) {
        Path file = fileOf(tenant, name);
        Path partial = null;
        try {
            partial = partialFileFor(tenant, file);
            long size;
            try (OutputStream out = Files.newOutputStream(partial)) {
                size = copy(content, out, maxBytes);
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return size;
        } catch (IOException e) {
            throw writeFailure(tenant, file, e);
        } finally {
            deleteQuietly(partial);
        }
    }

    public void delete(Tenant tenant, String name) {
        try {
            Files.deleteIfExists(fileOf(tenant, name));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete " + name, e);
        }
    }

    /**
     * A folder name for a tenant being created: a new UUID. Should a folder of that name exist, it
     * is emptied first, so that a new tenant never starts with files.
     */
    public String newFolderName() {
        String folder = UUID.randomUUID().toString();
        if (Files.exists(root.resolve(folder))) {
            LOG.warning("A folder named like a new tenant's already existed and was removed: " + folder);
            deleteFolder(folder);
        }
        return folder;
    }

    /**
     * A folder name for a restore to write a tenant's files to before it commits: {@code restored-}
     * and a new UUID. Named apart from {@link #newFolderName}'s on purpose: this folder is named by the
     * registry only once the restore commits, so the start-up sweep takes one that no tenant names
     * only once it is old ({@link #isRestoreFolderName}): another instance may be restoring into it.
     */
    public String newRestoreFolderName() {
        String folder = "restored-" + UUID.randomUUID();
        if (Files.exists(root.resolve(folder))) {
            deleteFolder(folder);
        }
        return folder;
    }

    /**
     * The names of the folders under FILES_ROOT named as tenants' folders are named now (a UUID, or
     * {@code restored-} and a UUID), whether or not a tenant owns them. Anything else there is left alone: FILES_ROOT may be a
     * folder shared with other things (even a home folder), and the schema-named folders of tenants
     * made before version 4.1 are never given to another tenant.
     */
    public List<String> folderNames() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> folders = Files.list(root)) {
            return folders.filter(Files::isDirectory).map(path -> path.getFileName().toString())
                    .filter(TenantFiles::isLifeFolderName).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list " + root, e);
        }
    }

    /**
     * Removes a folder and everything in it: a deleted tenant's, after its deletion committed, or
     * one no tenant owns. Returns false (and logs why) when something could not be removed; the
     * sweep at the next start-up tries again.
     */
    public boolean deleteFolder(String folder) {
        Path path = folderOf(folder);
        if (!Files.exists(path)) {
            return true;
        }
        try (Stream<Path> paths = Files.walk(path)) {
            for (Path each : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(each);
            }
            return true;
        } catch (IOException | UncheckedIOException e) {
            if (!Files.exists(path)) {
                return true; // removed meanwhile, by another instance's sweep
            }
            LOG.log(Level.WARNING, "Could not remove the folder " + path + "; the next start-up tries again", e);
            return false;
        }
    }

    /**
     * Removes the {@code .part} files of writes that never finished (the server stopped during
     * them) in every folder, if older than {@code before}; younger ones may be writes of another
     * instance still going on. Returns how many it removed.
     */
    public int deleteAbandonedPartialFiles(Instant before) {
        int removed = 0;
        for (String folder : folderNames()) {
            try (Stream<Path> files = Files.list(folderOf(folder))) {
                for (Path file : files.filter(f -> f.getFileName().toString().endsWith(PARTIAL_SUFFIX)).toList()) {
                    if (Files.getLastModifiedTime(file).compareTo(FileTime.from(before)) < 0
                            && Files.deleteIfExists(file)) {
                        removed++;
                    }
                }
            } catch (IOException e) {
                LOG.log(Level.WARNING, "Could not look for partial files in " + folder, e);
            }
        }
        return removed;
    }

    /**
     * A new partial file beside the file. The folder is made on the tenant's first write, but only
     * while the tenant is in service here with this folder: a write arriving after its deletion, or
     * after a restore replaced its folder, would otherwise make the folder again (with nobody to
     * remove it until the next start-up, and its file lost to the tenant).
     */
    private Path partialFileFor(Tenant tenant, Path file) throws IOException {
        if (!Files.isDirectory(file.getParent())) {
            requireInService(tenant);
            Files.createDirectories(file.getParent());
        }
        return Files.createTempFile(file.getParent(), ".upload-", PARTIAL_SUFFIX);
    }

    private void requireInService(Tenant tenant) {
        Tenant current = directory.find(tenant.label())
                .filter(found -> found.id() == tenant.id() && !found.beingDeleted())
                .orElseThrow(() -> new TenantGoneException(tenant.label()));
        if (!current.filesFolder().equals(tenant.filesFolder())
                && !restores.isRunBy(tenant.label(), Thread.currentThread())) {
            // Restored since this request found its tenant: its folder was replaced, and must not come back.
            throw new TenantRestoringException(tenant.label());
        }
    }

    /**
     * A file not found is only "none" in the tenant's folder as the database names it now (in the
     * caller's transaction, so an export's rows and files agree). An instance that has not yet heard
     * of a put-back from a dump (docs/operations.md) still names the folder it replaced: it re-reads
     * the tenant and answers 503, as during a restore, rather than a download 404 or an archive
     * without its files. A restore's own reads are of the folder it replaces.
     */
    private void requireCurrentFolder(Tenant tenant) {
        if (restores.isRunBy(tenant.label(), Thread.currentThread())) {
            return;
        }
        String folder = registry.find(tenant.label()).map(Tenant::filesFolder)
                .orElseThrow(() -> new TenantGoneException(tenant.label()));
        if (!folder.equals(tenant.filesFolder())) {
            directory.refresh(tenant.label());
            throw new TenantRestoringException(tenant.label());
        }
    }

    /** A write that failed because the tenant's folder went away under it: the tenant was deleted. */
    private RuntimeException writeFailure(Tenant tenant, Path file, IOException e) {
        if (!Files.isDirectory(file.getParent())) {
            return new TenantGoneException(tenant.label());
        }
        return new UncheckedIOException("Could not write " + file, e);
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
            LOG.log(Level.WARNING, "Could not remove the partial file " + partial + "; the next start-up does", e);
        }
    }

    // A UUID (this version), or a schema's name (tenants made before 4.1, the public one's "_public").
    private static boolean isFolderName(String folder) {
        return folder.matches("_?[a-z0-9][a-z0-9_-]*");
    }

    private static boolean isLifeFolderName(String folder) {
        return folder.matches("(restored-)?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    }

    /** Whether a folder name is one a restore writes to ({@link #newRestoreFolderName}). */
    public static boolean isRestoreFolderName(String folder) {
        return folder.startsWith("restored-");
    }

    /** When the folder last changed (a file added or removed in it); Instant.MAX when it cannot be told. */
    public Instant lastChanged(String folder) {
        try {
            return Files.getLastModifiedTime(folderOf(folder)).toInstant();
        } catch (IOException e) {
            return Instant.MAX;
        }
    }

    private Path folderOf(String folder) {
        Path path = root.resolve(folder).normalize();
        if (!isFolderName(folder) || !root.equals(path.getParent())) {
            throw new IllegalArgumentException("Not a tenant's folder: " + folder);
        }
        return path;
    }

    private Path fileOf(Tenant tenant, String name) {
        Path folder = folderOf(tenant.filesFolder());
        Path file = folder.resolve(name).normalize();
        if (!file.getParent().equals(folder) || !name.matches("[a-z0-9][a-z0-9._-]*")) {
            throw new IllegalArgumentException("Not a file name of a tenant's folder: " + name);
        }
        return file;
    }
}
