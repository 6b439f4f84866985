package io.tenantry.api;

import java.io.IOException;
import java.io.InputStream;
import java.util.Comparator;
import java.util.List;

import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.DotName;
import org.jboss.jandex.Index;
import org.jboss.jandex.IndexReader;

/**
 * The JAX-RS resource classes of the WAR: every class of {@code io.tenantry} carrying {@code @Path},
 * found in the index of the WAR's classes that the build writes ({@link #INDEX}, by
 * jandex-maven-plugin), as resources live beside their features' services on floors above this
 * package. An index rather than a walk of the classes folder: a server's class loader may hand out
 * URLs no JDK file system opens (WildFly's {@code vfs:}).
 */
final class ResourceClasses {

    /** Where the build puts the index, in the WAR's classes (pom.xml, jandex-maven-plugin). */
    static final String INDEX = "META-INF/tenantry-classes.idx";

    private static final DotName PATH = DotName.createSimple(jakarta.ws.rs.Path.class.getName());

    private ResourceClasses() {
    }

    /** The resource classes, by name; IllegalStateException when the index is missing or unreadable. */
    static List<Class<?>> all() {
        try (InputStream in = RestApi.class.getClassLoader().getResourceAsStream(INDEX)) {
            if (in == null) {
                throw new IllegalStateException("The WAR has no " + INDEX + ": it was built without the "
                        + "jandex-maven-plugin execution of pom.xml");
            }
            Index index = new IndexReader(in).read();
            return index.getAnnotations(PATH).stream().map(annotation -> annotation.target())
                    .filter(target -> target.kind() == AnnotationTarget.Kind.CLASS)
                    .map(target -> target.asClass().name().toString())
                    .filter(name -> name.startsWith("io.tenantry.")).distinct().map(ResourceClasses::load)
                    .sorted(Comparator.comparing(Class::getName)).toList();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the index of the API's classes, " + INDEX, e);
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
