package io.tenantry.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.tenantry.testing.DeployedTenantry;
import io.tenantry.testing.TestDatabase;
import io.tenantry.testing.Tenantry;

/**
 * A tenant this instance has not met yet (made by another instance, its announcement still on the way)
 * is read from the registry wherever it is first needed, inside a transaction too, without ending that
 * transaction: a read of the registry switched the transaction's own connection to auto-commit, which
 * committed what the transaction had done so far and failed its commit (a 500 in CI, on the page of
 * someone belonging to such a tenant).
 */
class TenantDirectoryIT extends DeployedTenantry {

    @Test
    void aTenantNotYetKnownHereIsReadInsideATransactionWithoutEndingIt() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String label = "unmet-" + suffix;
        Tenantry member = app.newAccount("member-" + suffix);
        assertEquals(201, app.createTenant(label, "Unmet " + suffix, "member-" + suffix).status());
        // The instance forgets the tenant, as one that has not met it yet: it is renamed and announced, so the
        // instance finds no such tenant, then given its label back without an announcement.
        relabel(label, "away-" + suffix, label);
        for (int tries = 0; tries < 50 && member.get(Tenantry.host(label), "/api/products").status() != 404; tries++) {
            Thread.sleep(100);
        }
        assertEquals(404, member.get(Tenantry.host(label), "/api/products").status(), "forgotten here");
        relabel("away-" + suffix, label, null);

        // The page frame lists the member's tenants in a transaction, reading the unmet one from the registry.
        Tenantry.Reply page = member.page(Tenantry.host("public"), "/");
        assertEquals(200, page.status(), page.body());
        assertTrue(page.body().contains("Unmet " + suffix), "the tenant is listed among the member's");
        assertEquals(200, member.get(Tenantry.host(label), "/api/products").status(), "and served");
    }

    /** Renames the tenant's row, announcing {@code announced} when given (as a change of that label). */
    private static void relabel(String from, String to, String announced) throws SQLException {
        try (Connection db = TestDatabase.connect();
             PreparedStatement rename = db.prepareStatement("UPDATE public.tenant SET label = ? WHERE label = ?");
             PreparedStatement announce = db.prepareStatement("SELECT pg_notify('tenantry_tenants', ?)")) {
            rename.setString(1, to);
            rename.setString(2, from);
            assertEquals(1, rename.executeUpdate());
            if (announced != null) {
                announce.setString(1, announced);
                announce.execute();
            }
        }
    }
}
