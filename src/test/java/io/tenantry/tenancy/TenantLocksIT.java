package io.tenantry.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.tenantry.testing.AdvisoryLocks;
import io.tenantry.testing.DeployedTenantry;
import io.tenantry.testing.TestDatabase;
import io.tenantry.testing.Tenantry;

/**
 * A tenant's transactions are held by its own restore only, whatever its schema's name: a stranger who
 * registers a tenant whose schema's name has the same {@code hashtext} as a neighbour's (found by trying
 * names: here among 400,000 in a second; a given neighbour's in minutes) does not hold the neighbour's
 * transactions with his tenant's restore, as he did while the lock's key was that hash.
 */
class TenantLocksIT extends DeployedTenantry {

    @Test
    void aRestoreOfATenantWhoseSchemaHashesAsAnothersHoldsOnlyItsOwn() throws Exception {
        String[] pair = labelsOfOneHash("lk" + UUID.randomUUID().toString().substring(0, 6));
        assertEquals(201, app.createTenant(pair[0], "Neighbour").status());
        assertEquals(201, app.createTenant(pair[1], "Stranger").status());
        try (Connection restore = TestDatabase.connect()) {
            restore.setAutoCommit(false);
            // What a restore of the stranger's tenant holds until it ends.
            long strangersLock = TenantRestores.lockKeyOf(SchemaName.of(TenantLabel.forNewTenant(pair[1])));
            AdvisoryLocks.take(restore, strangersLock);
            CompletableFuture<Integer> neighbours = CompletableFuture.supplyAsync(
                    () -> app.get(Tenantry.host(pair[0]), "/api/products").status());
            assertEquals(200, neighbours.get(20, TimeUnit.SECONDS), "the neighbour is served during the stranger's restore");
            CompletableFuture<Integer> strangers = CompletableFuture.supplyAsync(
                    () -> app.get(Tenantry.host(pair[1]), "/api/products").status());
            assertTrue(AdvisoryLocks.awaitWaiter(strangersLock, Duration.ofSeconds(20)),
                    "the stranger's own request waits for his restore");
            restore.rollback();
            assertEquals(200, strangers.get(30, TimeUnit.SECONDS), "and is served once it ended");
        }
    }

    /** Two labels starting with {@code prefix} whose schemas' names PostgreSQL's hashtext maps to one value. */
    private static String[] labelsOfOneHash(String prefix) throws SQLException {
        try (Connection db = TestDatabase.connect(); PreparedStatement search = db.prepareStatement(
                "SELECT min(label), max(label) FROM (SELECT ? || g AS label FROM generate_series(1, 400000) AS g) AS candidate"
                        + " GROUP BY hashtext(label) HAVING count(*) > 1 LIMIT 1")) {
            search.setString(1, prefix);
            try (ResultSet row = search.executeQuery()) {
                assertTrue(row.next(), "two of 400,000 names share a 32-bit hash (the birthday bound: nearly always)");
                return new String[] {row.getString(1), row.getString(2)};
            }
        }
    }
}
