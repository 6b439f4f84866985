package io.tenantry.tenancy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import io.tenantry.platform.UnpooledConnections;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

/**
 * Keeps every instance's {@link TenantDirectory} true when another instance creates, changes,
 * takes out of service (a deletion's first step) or deletes a tenant: the change sends a PostgreSQL notification in its own transaction (so it is
 * delivered only if it commits), and each instance listens on a connection of its own and
 * re-reads the tenants named, and tells observers of {@link TenantChanged} (what they remembered of
 * the tenant is stale). After a lost connection the whole directory is re-read, as notifications
 * sent meanwhile are gone.
 */
@ApplicationScoped
public class TenantChanges {

    private static final Logger LOG = Logger.getLogger(TenantChanges.class.getName());
    static final String CHANNEL = "tenantry_tenants";
    private static final int WAIT_MILLIS = 5_000;

    @Inject
    TenantDirectory directory;

    @Inject
    UnpooledConnections connections;

    @Resource
    ManagedThreadFactory threads;

    @Inject
    Event<TenantChanged> changed;

    private volatile boolean running;
    private volatile Thread listener;

    /** Tells every instance, once the caller's transaction commits, that this tenant changed. */
    public static void announce(Connection connection, TenantLabel label) throws SQLException {
        try (PreparedStatement notify = connection.prepareStatement("SELECT pg_notify(?, ?)")) {
            notify.setString(1, CHANNEL);
            notify.setString(2, label.value());
            notify.execute();
        }
    }

    public synchronized void startListening() {
        if (running) {
            return;
        }
        running = true;
        listener = threads.newThread(this::listen);
        listener.setName("tenantry-tenant-changes");
        listener.setDaemon(true);
        listener.start();
    }

    @PreDestroy
    void stop() {
        running = false;
        Thread thread = listener;
        if (thread != null) {
            thread.interrupt();
        }
    }

    private void listen() {
        boolean first = true;
        while (running) {
            try (Connection connection = connections.open()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                if (!first) {
                    directory.reload(); // what changed while we were not listening
                    changed.fire(new TenantChanged(Optional.empty()));
                    LOG.info("Listening to tenant changes again");
                }
                first = false;
                PGConnection notifications = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] received = notifications.getNotifications(WAIT_MILLIS);
                    if (received != null) {
                        for (PGNotification notification : received) {
                            refresh(notification.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException | Error e) {
                // An Error too (an OutOfMemoryError caused by other requests, say): without this thread the
                // instance would never again hear of tenants changed, taken out of service or deleted elsewhere.
                if (running) {
                    LOG.log(Level.WARNING, "Lost the tenant-change listener; reconnecting in 3 s", e);
                    pause();
                }
            }
        }
    }

    private void refresh(String label) {
        if (TenantLabel.isWellFormed(label)) {
            TenantLabel tenant = new TenantLabel(label);
            directory.refresh(tenant);
            changed.fire(new TenantChanged(Optional.of(tenant)));
        }
    }

    private void pause() {
        try {
            Thread.sleep(3_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
