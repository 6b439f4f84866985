package io.tenantry.audit;

import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Removes the entries older than {@link AuditRetention} (AUDIT_RETENTION_DAYS): once at start-up,
 * then every hour. Every instance does it; a second removal of the same rows removes nothing.
 */
@ApplicationScoped
public class AuditPruning {

    private static final Logger LOG = Logger.getLogger(AuditPruning.class.getName());
    private static final long EVERY_MINUTES = 60;

    @Inject
    AuditRetention retention;

    @Inject
    AuditRemoval removal;

    @Resource
    ManagedScheduledExecutorService scheduler;

    /** Starts the hourly removal; returns at once. */
    public void start() {
        scheduler.scheduleWithFixedDelay(this::prune, 0, EVERY_MINUTES, TimeUnit.MINUTES);
    }

    private void prune() {
        try {
            int removed = removal.olderThan(retention.days());
            if (removed > 0) {
                LOG.info("Removed " + removed + " audit entries older than " + retention.days() + " days");
            }
        } catch (Exception e) { // Exception: on WildFly a failed commit's RollbackException comes through @Transactional as it is, checked
            // The next hour tries again; a failed run must not end the schedule.
            LOG.log(Level.WARNING, "Could not remove old audit entries", e);
        }
    }
}
