package io.tenantry.testing;

import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.core.spi.LoadableExtension;

/**
 * Puts the test run's container in place of the adapter's own: {@link OneServerPerRun} for Payara
 * Micro (mvn verify), {@code OneWildFlyDeploymentPerRun} for WildFly (mvn -Pwildfly, whose profile
 * alone compiles that class and brings WildFly's adapter). Only one adapter is on a run's class path;
 * the classes are named, not referred to, so that neither run needs the other's.
 */
public final class OneDeploymentPerRun implements LoadableExtension {

    private static final String PAYARA_MICRO = "fish.payara.arquillian.container.payara.managed.PayaraMicroDeployableContainer";
    private static final String WILDFLY = "org.jboss.as.arquillian.container.managed.ManagedDeployableContainer";

    @Override
    public void register(ExtensionBuilder builder) {
        if (Validate.classExists(PAYARA_MICRO)) {
            override(builder, PAYARA_MICRO, "io.tenantry.testing.OneServerPerRun");
        }
        if (Validate.classExists(WILDFLY)) {
            override(builder, WILDFLY, "io.tenantry.testing.OneWildFlyDeploymentPerRun");
        }
    }

    private static void override(ExtensionBuilder builder, String adapters, String ours) {
        try {
            ClassLoader loader = OneDeploymentPerRun.class.getClassLoader();
            builder.override(DeployableContainer.class, loader.loadClass(adapters).asSubclass(DeployableContainer.class),
                    loader.loadClass(ours).asSubclass(DeployableContainer.class));
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("No " + ours + " beside " + adapters, e);
        }
    }
}
