package io.tenantry.testing;

import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.spi.client.container.LifecycleException;
import org.jboss.arquillian.container.spi.client.protocol.ProtocolDescription;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.arquillian.core.api.Injector;
import org.jboss.arquillian.core.api.Instance;
import org.jboss.arquillian.core.api.annotation.Inject;
import org.jboss.as.arquillian.container.managed.ManagedContainerConfiguration;
import org.jboss.as.arquillian.container.managed.ManagedDeployableContainer;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.descriptor.api.Descriptor;

/**
 * Arquillian's managed WildFly (mvn -Pwildfly), holding one deployment of the WAR for the whole run,
 * as {@link OneServerPerRun} does for Payara Micro: Arquillian deploys and undeploys around every test
 * class, and each deployment of Tenantry starts its persistence unit, CDI and Faces again. The server
 * starts once (Arquillian starts containers once per run); the first deployment is kept, later ones of
 * the same archive are answered with its address, and it goes with the server at the end of the run.
 * The adapter's container is final, so this one delegates to it, with Arquillian's injections made
 * into it as they would be into the adapter's own.
 */
public final class OneWildFlyDeploymentPerRun implements DeployableContainer<ManagedContainerConfiguration> {

    private final ManagedDeployableContainer wildfly = new ManagedDeployableContainer();
    private Archive<?> deployed;
    private ProtocolMetaData running;

    @Inject
    private Instance<Injector> injector;

    @Override
    public Class<ManagedContainerConfiguration> getConfigurationClass() {
        return ManagedContainerConfiguration.class;
    }

    @Override
    public void setup(ManagedContainerConfiguration configuration) {
        injector.get().inject(wildfly);
        wildfly.setup(configuration);
    }

    @Override
    public void start() throws LifecycleException {
        wildfly.start();
    }

    @Override
    public ProtocolDescription getDefaultProtocol() {
        return wildfly.getDefaultProtocol();
    }

    /** Deploys the archive the first time; answers that deployment's address after. */
    @Override
    public synchronized ProtocolMetaData deploy(Archive<?> archive) throws DeploymentException {
        if (running != null) {
            if (!deployed.getName().equals(archive.getName())) {
                throw new DeploymentException("The shared WildFly runs " + deployed.getName()
                        + "; a test class deploying " + archive.getName() + " cannot run on WildFly");
            }
            return running;
        }
        running = wildfly.deploy(archive);
        deployed = archive;
        return running;
    }

    /** Leaves the deployment in place for the next test class: it goes with the server ({@link #stop()}). */
    @Override
    public void undeploy(Archive<?> archive) {
        // kept for the next class
    }

    @Override
    public synchronized void stop() throws LifecycleException {
        running = null;
        deployed = null;
        wildfly.stop();
    }

    @Override
    public void deploy(Descriptor descriptor) throws DeploymentException {
        wildfly.deploy(descriptor);
    }

    @Override
    public void undeploy(Descriptor descriptor) throws DeploymentException {
        wildfly.undeploy(descriptor);
    }
}
