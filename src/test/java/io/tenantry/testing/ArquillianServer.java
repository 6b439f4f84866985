package io.tenantry.testing;

import java.io.File;
import java.lang.reflect.Method;
import java.net.URL;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.arquillian.test.spi.LifecycleMethodExecutor;
import org.jboss.arquillian.test.spi.TestRunnerAdaptor;
import org.jboss.arquillian.test.spi.TestRunnerAdaptorBuilder;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The run's shared server, started and deployed by Arquillian, once: the container arquillian.xml
 * names (Payara Micro; WildFly under {@code -Pwildfly}) with the WAR Maven built at the root, kept
 * for every class by {@link OneServerPerRun}, and stopped by Arquillian when JUnit closes its root
 * store at the end of the run.
 *
 * <p>Why not Arquillian's JUnit 5 extension on each class: its contexts follow the thread that runs
 * a class, and classes run at once here (failsafe's configuration in pom.xml). Arquillian is driven
 * instead through its runner SPI, by whichever thread comes first, while the others wait (the root
 * store computes a value once); the classes are black-box HTTP clients of the address it gives.
 */
public final class ArquillianServer implements BeforeAllCallback {

    private static final LifecycleMethodExecutor NOTHING = LifecycleMethodExecutor.NO_OP;

    // Classes running concurrently share one instance (a static field): each sets the same address.
    private volatile URL url;

    @Override
    public void beforeAll(ExtensionContext context) {
        url = context.getRoot().getStore(ExtensionContext.Namespace.create(ArquillianServer.class))
                .getOrComputeIfAbsent("deployed", key -> Deployed.start(), Deployed.class).url();
    }

    /** The address of the deployed WAR's root. */
    public URL url() {
        if (url == null) {
            throw new IllegalStateException("Register the Arquillian server as a static @RegisterExtension field");
        }
        return url;
    }

    /** The WAR that Maven built, deployed at the root context as in production. */
    public static WebArchive war() {
        return ShrinkWrap.create(ZipImporter.class, "ROOT.war")
                .importFrom(new File(System.getProperty("tenantry.test.war"))).as(WebArchive.class);
    }

    /** What Arquillian deploys, and the instance it gives the deployment's address to. */
    public static final class Anchor {

        @ArquillianResource
        URL url;

        @Deployment(testable = false)
        public static WebArchive deployment() {
            return war();
        }

        /** The "test" Arquillian enriches the anchor for; it runs nothing. */
        public void served() {
            // Arquillian injects the address before it, as before any test method.
        }
    }

    /** The deployment, undeployed and its container stopped when JUnit closes the root store. */
    private record Deployed(TestRunnerAdaptor arquillian, URL url) implements ExtensionContext.Store.CloseableResource {

        static Deployed start() {
            TestRunnerAdaptor arquillian = TestRunnerAdaptorBuilder.build();
            try {
                arquillian.beforeSuite();
                arquillian.beforeClass(Anchor.class, NOTHING); // deploys
                Anchor anchor = new Anchor();
                Method served = Anchor.class.getMethod("served");
                arquillian.before(anchor, served, NOTHING); // enriches: the address
                arquillian.after(anchor, served, NOTHING);
                if (anchor.url == null) {
                    throw new IllegalStateException("Arquillian deployed the WAR but gave no address");
                }
                return new Deployed(arquillian, anchor.url);
            } catch (Exception e) {
                arquillian.shutdown();
                throw new IllegalStateException("Arquillian could not deploy the WAR: " + e.getMessage(), e);
            }
        }

        @Override
        public void close() throws Exception {
            try {
                arquillian.afterClass(Anchor.class, NOTHING);
                arquillian.afterSuite(); // stops the containers
            } finally {
                arquillian.shutdown();
            }
        }
    }
}
