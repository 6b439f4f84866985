package io.tenantry.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The resource classes come from the build's index, and the index holds every {@code @Path} class
 * of the compiled classes: compared with a walk of target/classes, which is what the code did before
 * and what no server other than one with {@code file:} or {@code jar:} URLs allows.
 */
class ResourceClassesTest {

    @Test
    void theIndexNamesEveryResourceClassOfTheBuild() throws IOException {
        Path classes = Path.of("target", "classes");
        List<String> walked;
        try (Stream<Path> files = Files.walk(classes.resolve("io/tenantry"))) {
            walked = files.map(file -> classes.relativize(file).toString()).filter(name -> name.endsWith(".class"))
                    .map(name -> name.substring(0, name.length() - ".class".length()).replace('/', '.'))
                    .map(ResourceClassesTest::load).filter(type -> type.isAnnotationPresent(jakarta.ws.rs.Path.class))
                    .map(Class::getName).sorted().toList();
        }
        List<String> indexed = ResourceClasses.all().stream().map(Class::getName).toList();
        assertTrue(indexed.size() >= 15, "the API's resources: " + indexed);
        assertEquals(walked, indexed);
        assertTrue(indexed.contains("io.tenantry.access.TenantsResource"), indexed.toString());
    }

    /**
     * One instance of each resource for the application: made per request (as {@code @RequestScoped}
     * made them), Jersey had CDI create and inject one for every call; without that, a read under
     * bench/peer.sh took 0.81 times the server's CPU (bench/README.md). What a request brings
     * ({@code UriInfo}, the servlet request, the tenant, the caller) reaches the shared instance
     * through proxies, so a resource keeps no state of its own.
     */
    @Test
    void everyResourceIsOneInstanceForTheApplication() {
        for (Class<?> resource : ResourceClasses.all()) {
            assertTrue(resource.isAnnotationPresent(ApplicationScoped.class), resource.getName());
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, ResourceClassesTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
