package io.tenantry.platform;

import static io.tenantry.testing.Tenantry.host;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

import io.tenantry.testing.DeployedTenantry;
import io.tenantry.testing.PayaraOnly;
import io.tenantry.testing.Tenantry;
import io.tenantry.testing.TestDatabase;

/**
 * The pool gives each PostgreSQL connection back to the database once it has served
 * DB_TENANTS_PER_CONNECTION tenants ({@code tenancy.TenantsPerConnection}), so that no connection
 * keeps the catalog caches and statements of every tenant it ever met (docs/operations.md), and keeps
 * a connection however often it serves the tenants it knows. Requests are sent one after another, so
 * the pool needs no connection more than the few it has and hands out the same ones.
 */
@Isolated("compares the database's connections before and after: other classes' requests may open or use some")
@PayaraOnly("WildFly's pool cannot close one connection on request: DB_TENANTS_PER_CONNECTION does not apply there")
class PooledConnectionRecyclingIT extends DeployedTenantry {

    @Test
    void aConnectionIsReplacedOnceItHasServedItsCountOfTenantsAndKeptWhileItServesTheSameFew() throws SQLException {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        List<String> tenants = new ArrayList<>();
        for (int i = 0; i <= Tenantry.TENANTS_PER_CONNECTION; i++) {
            String label = "recycled-" + i + "-" + suffix;
            assertEquals(201, app.createTenant(label, "Recycled " + i).status());
            tenants.add(label);
        }
        // The pool may hold up to 40 connections from the run's other classes, among which it would spread
        // the requests below. Ended here, they are found ended and replaced by one or two the requests share.
        TestDatabase.endIdleConnections();
        for (int warmUp = 0; warmUp < 10; warmUp++) {
            assertEquals(200, app.get(host(tenants.get(0)), "/api/products").status());
        }
        Set<Integer> serving = TestDatabase.connections();
        // More than the 1,000 uses after which payara-config/ once closed every connection: each request takes
        // a connection once at least.
        for (int use = 0; use < 1_000; use++) {
            assertEquals(200, app.get(host(tenants.get(use % 2)), "/api/products").status());
        }
        assertTrue(TestDatabase.connections().containsAll(serving),
                "1,000 requests to the same two tenants closed a connection: it is counted by tenants, not by uses");
        for (String label : tenants) {
            assertEquals(200, app.get(host(label), "/api/products").status());
        }
        Set<Integer> ended = new HashSet<>(serving);
        ended.removeAll(TestDatabase.connections());
        assertFalse(ended.isEmpty(), "no connection was closed while one after another served "
                + tenants.size() + " tenants, over the " + Tenantry.TENANTS_PER_CONNECTION + " each may serve");
    }
}
