package io.tenantry.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
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
 * A write into a tenant's schema from a transaction bound to no tenant (here: an account deactivated on
 * the public host leaves its groups in every tenant) waits for a restore of that tenant, as the tenant's
 * own transactions do ({@link TenantRestores#holdOff}): the restore's exclusive lock is taken here by hand.
 */
class ForeignSchemaWritesIT extends DeployedTenantry {

    @Test
    void anAccountDeactivatedWhileItsTenantIsRestoredLeavesItsGroupsOnlyAfterTheRestore() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String label = "held-" + suffix;
        String jane = "jane-" + suffix;
        assertEquals(201, app.createTenant(label, "Held").status());
        app.newAccount(jane);
        app.bringIn(Tenantry.host(label), jane);
        try (Connection restore = TestDatabase.connect()) {
            restore.setAutoCommit(false);
            long key = TenantRestores.lockKeyOf(SchemaName.of(TenantLabel.forNewTenant(label)));
            AdvisoryLocks.take(restore, key);
            CompletableFuture<Integer> deactivated = CompletableFuture.supplyAsync(
                    () -> app.delete(Tenantry.host("public"), "/api/accounts/" + jane).status());
            assertTrue(AdvisoryLocks.awaitWaiter(key, Duration.ofSeconds(20)), "the deactivation waits for the tenant's lock");
            assertFalse(deactivated.isDone());
            restore.rollback();
            assertEquals(204, deactivated.get(30, TimeUnit.SECONDS), "done once the restore let go");
        }
    }

}
