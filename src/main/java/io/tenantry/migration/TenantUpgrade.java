package io.tenantry.migration;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.tenantry.tenancy.Tenant;
import io.tenantry.tenancy.TenantDirectory;
import io.tenantry.tenancy.TenantLabel;
import io.tenantry.tenancy.TenantRegistry;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Brings tenants whose schema is behind the code up to date, in the background with a bounded
 * number of workers, so start-up does not grow with the number of tenants. Until its schema is
 * current a tenant answers 503 (see TenantFilter). One failing tenant is reported and skipped.
 */
@ApplicationScoped
public class TenantUpgrade {

    private static final Logger LOG = Logger.getLogger(TenantUpgrade.class.getName());

    @Inject
    SchemaMigrations migrations;

    @Inject
    TenantRegistry registry;

    @Inject
    TenantDirectory directory;

    @Resource
    ManagedExecutorService executor;

    @Inject
    @ConfigProperty(name = "migration.threads", defaultValue = "4")
    int threads;

    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicInteger done = new AtomicInteger();
    private final Map<TenantLabel, String> failures = new ConcurrentHashMap<>();

    /** Starts upgrading the tenants behind {@code version}; returns at once. */
    public void start(String version) {
        List<Tenant> behind = directory.all().stream().filter(t -> !version.equals(t.schemaVersion())).toList();
        if (behind.isEmpty()) {
            LOG.info("Every tenant schema is at version " + version);
            return;
        }
        LOG.info(behind.size() + " tenant schema(s) behind version " + version + "; upgrading with "
                + threads + " worker(s)");
        pending.addAndGet(behind.size());
        Queue<Tenant> queue = new ConcurrentLinkedQueue<>(behind);
        for (int i = 0; i < Math.min(threads, behind.size()); i++) {
            executor.submit(() -> work(queue, behind.size()));
        }
    }

    private void work(Queue<Tenant> queue, int total) {
        for (Tenant tenant = queue.poll(); tenant != null; tenant = queue.poll()) {
            try {
                String version = migrations.migrate(tenant.schema());
                registry.recordVersion(tenant.label(), version);
                directory.put(tenant.atVersion(version));
            } catch (RuntimeException e) {
                failures.put(tenant.label(), String.valueOf(e.getMessage()));
                LOG.log(Level.SEVERE, "Could not migrate tenant " + tenant.label() + "; it stays unavailable", e);
            } finally {
                pending.decrementAndGet();
                int finished = done.incrementAndGet();
                if (finished % 50 == 0 || finished == total) {
                    LOG.info("Tenant upgrade: " + finished + " of " + total + " done, " + failures.size() + " failed");
                }
            }
        }
    }

    public int pending() {
        return pending.get();
    }

    public int done() {
        return done.get();
    }

    public Map<TenantLabel, String> failures() {
        return Map.copyOf(failures);
    }
}
