package io.tenantry.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Isolated;

import io.tenantry.migration.TenantUpgrade;
import io.tenantry.tenancy.TenantLabel;
import io.tenantry.testing.AdvisoryLocks;
import io.tenantry.testing.DeployedTenantry;
import io.tenantry.testing.PayaraOnly;
import io.tenantry.testing.Scrape;
import io.tenantry.testing.SharedServer;
import io.tenantry.testing.Tenantry;
import io.tenantry.testing.TestDatabase;
import io.tenantry.testing.TestServers;

/**
 * {@code /metrics} of tenant upgrades, which any instance on the database may take up: counted where
 * they run, so summed over the run's three instances (the rest of {@code /metrics}: {@link MetricsIT}).
 */
@Isolated("sums what every class's tenants add to the upgrade metrics of every instance")
@PayaraOnly("it sums the metrics of the run's Payara Micro options and localhost servers (TestServers), which may take the upgrade up")
class UpgradeMetricsIT extends DeployedTenantry {

    /** The run's other instances on the same database: any of them may take up an upgrade. */
    @RegisterExtension
    static final SharedServer OPTIONS = TestServers.options();

    @RegisterExtension
    static final SharedServer LOCALHOST = TestServers.localhost();

    private static final String TENANTS = "tenantry_tenants";
    private static final String UPGRADES = "tenantry_tenant_upgrades_total";

    /**
     * The tenant's schema history is put aside, so that its upgrade fails as a real one would (a
     * schema with tables and no history); while the test holds the tenant's upgrade lock (as another
     * instance upgrading it would) it waits as {@code upgrading}. Put back, the retry made due now
     * succeeds. Whichever instance of the run takes the upgrade up counts it, so the counters are
     * summed over all three.
     */
    @Test
    void upgradesAreCountedAsTheyWaitFailAndSucceed() throws Exception {
        String label = "upgraded-" + UUID.randomUUID().toString().substring(0, 8);
        Tenantry owner = ownerOf(label);
        String schema = TestDatabase.schemaOf(label);
        Scrape before = Scrape.of(app);
        double failedBefore = everywhere(UPGRADES, "outcome", "failed");
        double upgradedBefore = everywhere(UPGRADES, "outcome", "upgraded");
        sql("ALTER TABLE \"" + schema + "\".flyway_schema_history RENAME TO history_aside");
        try (Connection lock = TestDatabase.connect()) {
            lock.setAutoCommit(false);
            AdvisoryLocks.take(lock, TenantUpgrade.lockKeyOf(TenantLabel.forNewTenant(label)));
            sql("UPDATE public.tenant SET schema_version = '0' WHERE label = '" + label + "'");
            sql("INSERT INTO public.tenant_upgrade (tenant_id, state) SELECT id, 'pending' FROM public.tenant"
                    + " WHERE label = '" + label + "'");
            sql("SELECT pg_notify('tenantry_tenants', '" + label + "')");
            Scrape waiting = Scrape.await(app, scrape -> scrape.value(TENANTS, "state", "upgrading")
                    > before.value(TENANTS, "state", "upgrading"), "the tenant waits for its upgrade");
            assertEquals(1, waiting.value(TENANTS, "state", "upgrading") - before.value(TENANTS, "state", "upgrading"));
            lock.rollback();
        }
        Scrape failed = Scrape.await(app, scrape -> scrape.value(TENANTS, "state", "failed")
                > before.value(TENANTS, "state", "failed"), "the tenant failed");
        assertEquals(1, failed.value(TENANTS, "state", "failed") - before.value(TENANTS, "state", "failed"));
        assertTrue(everywhere(UPGRADES, "outcome", "failed") > failedBefore, "the failed upgrade counted");
        assertEquals(before.value(TENANTS, "state", "upgrading"), failed.value(TENANTS, "state", "upgrading"));

        sql("ALTER TABLE \"" + schema + "\".history_aside RENAME TO flyway_schema_history");
        sql("UPDATE public.tenant_upgrade SET next_attempt_at = now() WHERE tenant_id = (SELECT id FROM public.tenant"
                + " WHERE label = '" + label + "')");
        Scrape upgraded = Scrape.await(app, scrape -> scrape.value(TENANTS, "state", "failed")
                == before.value(TENANTS, "state", "failed"), "the tenant no longer failed");
        // The instance that ran the upgrade counts it just after the tenant is served again: waited for.
        long counted = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (everywhere(UPGRADES, "outcome", "upgraded") < upgradedBefore + 1 && System.nanoTime() < counted) {
            Thread.sleep(250);
        }
        assertEquals(upgradedBefore + 1, everywhere(UPGRADES, "outcome", "upgraded"), "the upgrade counted once");
        assertTrue(upgraded.has("tenantry_tenant_upgrades_queued"));
        assertEquals(200, owner.get(Tenantry.host(label), "/api/products").status(), "served again");
    }

    /** The sum of a metric over the run's three instances. */
    private double everywhere(String name, String... labels) {
        return Scrape.of(app).value(name, labels)
                + Scrape.of(new Tenantry(OPTIONS.process().url()).awaitReady()).value(name, labels)
                + Scrape.of(new Tenantry(LOCALHOST.process().url(), "localhost").awaitReady()).value(name, labels);
    }

    /** A new account owning a new tenant {@code label} (made by the super-user), calling with its API token. */
    private Tenantry ownerOf(String label) {
        Tenantry owner = app.newAccount("owner-" + label);
        Tenantry.Reply created = app.createTenant(label, "Metered", "owner-" + label);
        assertEquals(201, created.status(), created.toString());
        return owner;
    }


    private static void sql(String statement) throws Exception {
        try (Connection db = TestDatabase.connect(); PreparedStatement sql = db.prepareStatement(statement)) {
            sql.execute();
        }
    }
}
