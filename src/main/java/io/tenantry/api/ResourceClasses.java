package io.tenantry.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The JAX-RS resource classes of the WAR: every class under {@code io/tenantry} in the classes
 * folder (or archive) that holds {@link RestApi}, carrying {@code @Path}. Found by reading that
 * folder, as resources live beside their features' services on floors above this package.
 */
final class ResourceClasses {

    private ResourceClasses() {
    }

    /** The resource classes, by name; IllegalStateException when the classes cannot be read. */
    static List<Class<?>> all() {
        URL self = RestApi.class.getResource("RestApi.class");
        try {
            if ("file".equals(self.getProtocol())) {
                // .../classes/io/tenantry/api/RestApi.class: the classes folder is four levels up.
                return in(Path.of(self.toURI()).getParent().getParent().getParent().getParent());
            }
            try (FileSystem archive = FileSystems.newFileSystem(self.toURI(), Map.of())) {
                return in(archive.getPath("/"));
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            throw new IllegalStateException("Cannot read the classes of the API from " + self, e);
        }
    }

    private static List<Class<?>> in(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root.resolve("io/tenantry"))) {
            return files.map(file -> root.relativize(file).toString()).filter(name -> name.endsWith(".class"))
                    .map(name -> name.substring(0, name.length() - ".class".length()).replace('/', '.')
                            .replace('\\', '.'))
                    .map(ResourceClasses::load).filter(type -> type.isAnnotationPresent(jakarta.ws.rs.Path.class))
                    .sorted(Comparator.comparing(Class::getName)).toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, RestApi.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("A class of the WAR cannot be loaded: " + name, e);
        }
    }
}
