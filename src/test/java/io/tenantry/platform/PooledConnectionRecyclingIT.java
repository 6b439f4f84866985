package io.tenantry.platform;

import static io.tenantry.testing.Tenantry.host;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

import io.tenantry.testing.DeployedTenantry;
import io.tenantry.testing.TestDatabase;

/**
 * The pool gives each PostgreSQL connection back to the database after the number of uses
 * payara-config/ sets ({@code --maxconnectionusagecount}), so that no connection keeps the catalog
 * caches and statements of every tenant it ever served (docs/operations.md): requests served one
 * after another, which the pool hands the same few connections, end up on connections PostgreSQL
 * started during them.
 */
@Isolated("compares the database's connections before and after: other classes' requests may open some")
class PooledConnectionRecyclingIT extends DeployedTenantry {

    static final Pattern USES = Pattern.compile("--maxconnectionusagecount (\\d+)");

    @Test
    void connectionsAreReplacedAfterTheirUses() throws IOException, SQLException {
        String label = "recycled-" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(201, app.createTenant(label, "Recycled").status());
        // Running after the run's other classes, the pool holds up to 40 connections, among which it would
        // spread the requests below, each used too few times to be replaced (failed so in a full run). Ended
        // here, they are found ended and replaced by one the requests below share.
        TestDatabase.endIdleConnections();
        for (int warmUp = 0; warmUp < 20; warmUp++) {
            assertEquals(200, app.get(host(label), "/api/products").status());
        }
        Set<Integer> before = TestDatabase.connections();
        // One after another, so the pool needs no connection more than the ones it has and hands out the
        // same one or two: twice as many requests as uses (each takes a connection once at least) use one up.
        int requests = 2 * configuredUses();
        for (int i = 0; i < requests; i++) {
            assertEquals(200, app.get(host(label), "/api/products").status());
        }
        Set<Integer> opened = new HashSet<>(TestDatabase.connections());
        opened.removeAll(before);
        assertFalse(opened.isEmpty(), "no connection was opened while " + requests + " requests were served");
    }

    static int configuredUses() throws IOException {
        Matcher uses = USES.matcher(Files.readString(Path.of("payara-config/post-boot-commands.asadmin")));
        if (!uses.find()) {
            throw new IllegalStateException("payara-config/post-boot-commands.asadmin sets no --maxconnectionusagecount");
        }
        return Integer.parseInt(uses.group(1));
    }
}
