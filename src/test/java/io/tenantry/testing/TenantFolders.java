package io.tenantry.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The tenants' folders of the tests' servers (FILES_ROOT), looked at behind the application's back:
 * which folder the registry gives a tenant, and which folders no tenant owns.
 */
public final class TenantFolders {

    private TenantFolders() {
    }

    /** The FILES_ROOT of the run's servers. */
    public static Path root() {
        return Path.of(System.getProperty("tenantry.test.files"));
    }

    /** The folder of the tenant with this label, as its registry row names it, under the run's FILES_ROOT. */
    public static Path of(String label) {
        return of(root(), label);
    }

    /** The folder of the tenant with this label, as its registry row names it, under {@code root}. */
    public static Path of(Path root, String label) {
        try (Connection db = TestDatabase.connect();
             PreparedStatement select = db.prepareStatement("SELECT files_folder FROM public.tenant WHERE label = ?")) {
            select.setString(1, label);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new AssertionError("No tenant " + label);
                }
                return root.resolve(row.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Folders under the run's FILES_ROOT that no tenant of the registry names. */
    public static Set<String> orphans() {
        return orphans(root());
    }

    /** Folders under {@code root} that no tenant of the registry names. */
    public static Set<String> orphans(Path root) {
        Set<String> folders = new HashSet<>();
        if (Files.isDirectory(root)) {
            try (Stream<Path> listed = Files.list(root)) {
                // The restore points' folder (RESTORE_POINTS_DIR's default) is no tenant's folder.
                listed.map(path -> path.getFileName().toString()).filter(name -> !name.equals(".restore-points"))
                        .forEach(folders::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        try (Connection db = TestDatabase.connect();
             ResultSet rows = db.createStatement().executeQuery("SELECT files_folder FROM public.tenant")) {
            while (rows.next()) {
                folders.remove(rows.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return folders;
    }

    /**
     * Fails unless every folder that no tenant owns now was one already in {@code before} (an
     * earlier {@link #orphans()}). Classes running meanwhile leave folders without their tenant for
     * a moment (a deletion's folder goes just after its commit, a restore's new folder is named as
     * it commits): a folder that is still without its tenant after 30 s is left behind.
     */
    public static void assertNoNewOrphans(Set<String> before, String message) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Set<String> left = newOrphans(before);
        while (!left.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(message + ": interrupted", e);
            }
            left = newOrphans(before);
        }
        if (!left.isEmpty()) {
            throw new AssertionError(message + ": folders left without their tenant " + left);
        }
    }

    private static Set<String> newOrphans(Set<String> before) {
        Set<String> now = orphans();
        now.removeAll(before);
        return now;
    }

    /** The names in a folder (none when it does not exist). */
    public static List<String> namesIn(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> listed = Files.list(folder)) {
            return listed.map(path -> path.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The names of an archive's entries under {@code files/}, sorted. */
    public static List<String> filesInArchive(byte[] zip) {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entry.getName().startsWith("files/")) {
                    names.add(entry.getName());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names.stream().sorted().toList();
    }
}
