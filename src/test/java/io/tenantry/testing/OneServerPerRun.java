package io.tenantry.testing;

import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.spi.client.container.LifecycleException;
import org.jboss.arquillian.container.spi.client.protocol.ProtocolDescription;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.arquillian.core.spi.LoadableExtension;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.descriptor.api.Descriptor;

import fish.payara.arquillian.container.payara.managed.PayaraMicroContainerConfiguration;
import fish.payara.arquillian.container.payara.managed.PayaraMicroDeployableContainer;

/**
 * Arquillian's Payara Micro container, started once for the whole test run instead of once per test
 * class. The connector starts Payara Micro in {@code deploy} (Payara Micro takes its WAR on the
 * command line) and kills it in {@code undeploy}, and Arquillian deploys and undeploys around every
 * class: some thirty starts of the same WAR with the same settings. Here the first deployment starts
 * the server, every later deployment of the same archive is answered with that server's address,
 * and the server stops when Arquillian stops its containers, at the end of the run (the JUnit
 * extension's suite). Tests on it share one database, so each keeps to its own tenants and accounts.
 */
public final class OneServerPerRun implements DeployableContainer<PayaraMicroContainerConfiguration> {

    private final PayaraMicroDeployableContainer payara = new PayaraMicroDeployableContainer();
    private Archive<?> deployed;
    private ProtocolMetaData running;

    /** Puts {@link OneServerPerRun} in place of the connector's own container. */
    public static final class Extension implements LoadableExtension {
        @Override
        public void register(ExtensionBuilder builder) {
            builder.override(DeployableContainer.class, PayaraMicroDeployableContainer.class, OneServerPerRun.class);
        }
    }

    @Override
    public Class<PayaraMicroContainerConfiguration> getConfigurationClass() {
        return PayaraMicroContainerConfiguration.class;
    }

    @Override
    public void setup(PayaraMicroContainerConfiguration configuration) {
        payara.setup(configuration);
    }

    @Override
    public void start() {
        // Payara Micro starts with its first deployment.
    }

    @Override
    public ProtocolDescription getDefaultProtocol() {
        return payara.getDefaultProtocol();
    }

    /** Starts Payara Micro with the archive the first time; answers the running server's address after. */
    @Override
    public synchronized ProtocolMetaData deploy(Archive<?> archive) throws DeploymentException {
        if (running != null) {
            if (!deployed.getName().equals(archive.getName())) {
                throw new DeploymentException("The shared Payara Micro runs " + deployed.getName()
                        + "; a test class deploying " + archive.getName() + " needs a server of its own");
            }
            return running;
        }
        ProtocolMetaData started = payara.deploy(archive);
        if (started == null) {
            throw new DeploymentException("Payara Micro did not start with " + archive.getName());
        }
        deployed = archive;
        running = started;
        return running;
    }

    /** Leaves the server running for the next test class: it stops with the run ({@link #stop()}). */
    @Override
    public void undeploy(Archive<?> archive) {
        // kept for the next class
    }

    @Override
    public synchronized void stop() throws LifecycleException {
        if (running != null) {
            try {
                payara.undeploy(deployed);
            } catch (DeploymentException e) {
                throw new LifecycleException("Could not stop Payara Micro", e);
            } finally {
                running = null;
                deployed = null;
            }
        }
    }

    @Override
    public void deploy(Descriptor descriptor) {
        throw new UnsupportedOperationException("Payara Micro deploys archives only");
    }

    @Override
    public void undeploy(Descriptor descriptor) {
        throw new UnsupportedOperationException("Payara Micro deploys archives only");
    }
}
