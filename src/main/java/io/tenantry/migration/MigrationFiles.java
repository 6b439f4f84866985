package io.tenantry.migration;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.ClassProvider;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.core.api.resource.LoadableResource;
import org.flywaydb.core.internal.scanner.Scanner;

/**
 * The migrations of one location, found and read once, for every Flyway run over it: a fleet upgrade
 * runs Flyway once per tenant, and each run would otherwise search the server's class loaders for the
 * location and read every migration file again to check its checksum, which was about a third of a
 * tenant's upgrade (JFR, bench/README.md, "Creating tenants and upgrading the fleet"). Found by
 * Flyway's own scanner, so that any location it can read (a WAR's classes on Payara, WildFly's VFS)
 * works; the scanner is Flyway's internal class (13.12), the one its runs use themselves, behind its
 * public {@link ResourceProvider} and {@link ClassProvider} settings.
 */
final class MigrationFiles implements ResourceProvider, ClassProvider<JavaMigration> {

    private static final Pattern VERSIONED_SQL = Pattern.compile("V[0-9][0-9._]*__[^/]+\\.sql");

    /** Flyway's own answer to which files a prefix and suffixes name; it reads nothing more once made. */
    private final Scanner<JavaMigration> found;
    private final Map<String, LoadableResource> byPath;

    private MigrationFiles(Scanner<JavaMigration> found, List<LoadableResource> files) {
        this.found = found;
        this.byPath = files.stream().collect(Collectors.toMap(LoadableResource::getRelativePath, Function.identity(),
                (first, same) -> first));
    }

    /** The migrations at {@code location} ({@code classpath:…}) as {@code loader} sees them, read now. */
    static MigrationFiles at(ClassLoader loader, String location) {
        Configuration configuration = Flyway.configure(loader).locations(location);
        Scanner<JavaMigration> scanner = new Scanner<>(JavaMigration.class, configuration, configuration.getLocations());
        List<LoadableResource> files = scanner.getResources("", "").stream().map(Held::of)
                .map(LoadableResource.class::cast).toList();
        return new MigrationFiles(scanner, files);
    }

    @Override
    public LoadableResource getResource(String name) {
        LoadableResource file = found.getResource(name);
        return file == null ? null : held(file);
    }

    @Override
    public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
        return found.getResources(prefix, suffixes).stream().map(this::held).toList();
    }

    @Override
    public Collection<Class<? extends JavaMigration>> getClasses() {
        return found.getClasses();
    }

    /**
     * The text of the migration file Flyway's history names {@code script} (its path relative to the
     * location), read once; empty when there is none.
     */
    Optional<String> text(String script) {
        return byPath.get(script) instanceof Held held ? Optional.of(held.text) : Optional.empty();
    }

    /**
     * Whether every file of the location is a versioned SQL migration ({@code V<version>__<description>.sql}):
     * no repeatable migration, callback or script configuration.
     */
    boolean onlyVersionedSql() {
        return byPath.keySet().stream().allMatch(path -> VERSIONED_SQL.matcher(path).matches());
    }

    /** The text read once of a file the scanner names. */
    private LoadableResource held(LoadableResource file) {
        return byPath.getOrDefault(file.getRelativePath(), file);
    }

    /** A migration file's text, held in memory, under the names Flyway gave it. */
    private static final class Held extends LoadableResource {

        private final String absolutePath;
        private final String absolutePathOnDisk;
        private final String filename;
        private final String relativePath;
        private final String text;

        private Held(LoadableResource found, String text) {
            this.absolutePath = found.getAbsolutePath();
            this.absolutePathOnDisk = found.getAbsolutePathOnDisk();
            this.filename = found.getFilename();
            this.relativePath = found.getRelativePath();
            this.text = text;
        }

        static Held of(LoadableResource found) {
            try (Reader reader = found.read()) {
                StringBuilder text = new StringBuilder();
                char[] buffer = new char[8192];
                for (int read; (read = reader.read(buffer)) >= 0;) {
                    text.append(buffer, 0, read);
                }
                return new Held(found, text.toString());
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read migration " + found.getAbsolutePath(), e);
            }
        }

        @Override
        public Reader read() {
            return new StringReader(text);
        }

        @Override
        public String getAbsolutePath() {
            return absolutePath;
        }

        @Override
        public String getAbsolutePathOnDisk() {
            return absolutePathOnDisk;
        }

        @Override
        public String getFilename() {
            return filename;
        }

        @Override
        public String getRelativePath() {
            return relativePath;
        }
    }
}
