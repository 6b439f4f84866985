package io.tenantry.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

import io.tenantry.testing.DeployedTenantry;
import io.tenantry.testing.SharedState;
import io.tenantry.testing.Tenantry;

/**
 * Platform-wide models exist only on the master tenant: from any other tenant, every attempt
 * through the API or the pages is refused as not found, whoever asks (the super-user and the
 * tenant's own administrators included). Their one trace elsewhere is the announcement banner.
 */
@ResourceLock(value = SharedState.PLATFORM_CATALOG, mode = ResourceAccessMode.READ)
class MasterOnlyIT extends DeployedTenantry {

    private String suffix;
    private String tenant;

    @BeforeEach
    void aTenantOwnedByTheSuperUser() {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        tenant = Tenantry.host("acme-" + suffix);
        assertEquals(201, app.createTenant("acme-" + suffix, "Public").status(), "named like the master, on purpose");
    }

    @Test
    void plansAreManagedOnTheMasterTenantOnly() {
        Tenantry.Reply added = app.post(Tenantry.host("public"), "/api/admin/plans",
                "{\"name\":\"Team " + suffix + "\",\"priceCents\":1900,\"currency\":\"eur\",\"maxMembers\":25}");
        assertEquals(201, added.status(), added.body());
        assertEquals("EUR", added.json().asJsonObject().getString("currency"));
        long id = added.json().asJsonObject().getJsonNumber("id").longValue();
        assertTrue(app.get(Tenantry.host("public"), "/api/admin/plans").body().contains("Team " + suffix));

        assertEquals(404, app.get(tenant, "/api/admin/plans").status(), "not from another tenant, even its owner");
        assertEquals(404, app.post(tenant, "/api/admin/plans", "{\"name\":\"Sneaky\",\"priceCents\":0}").status());
        assertEquals(404, app.put(tenant, "/api/admin/plans/" + id, "{\"name\":\"Sneaky\",\"priceCents\":0,"
                + "\"active\":true}").status());
        assertEquals(404, app.delete(tenant, "/api/admin/plans/" + id).status());
        assertEquals(404, app.get(tenant, "/api/admin/announcements").status());
        assertTrue(app.get(Tenantry.host("public"), "/api/admin/plans").body().contains("Team " + suffix),
                "nothing changed");

        Tenantry someone = app.newAccount("someone-" + suffix);
        assertEquals(403, someone.get(Tenantry.host("public"), "/api/admin/plans").status(),
                "on the master tenant, for super-users only");
        Tenantry.Reply invalid = app.post(Tenantry.host("public"), "/api/admin/plans",
                "{\"name\":\"Bad " + suffix + "\",\"priceCents\":-1}");
        assertEquals(400, invalid.status(), invalid.body());
    }

    @Test
    void theAdministrationPagesDoNotExistOnOtherTenants() {
        assertEquals(404, app.page(tenant, "/admin/").status());
        assertEquals(200, app.page(Tenantry.host("public"), "/admin/").status());
        assertTrue(app.page(Tenantry.host("public"), "/admin/").body().contains("acme-" + suffix));
        Tenantry someone = app.newAccount("another-" + suffix);
        assertEquals(403, someone.page(Tenantry.host("public"), "/admin/").status());
    }

    @Test
    void anAnnouncementShowsInEveryTenantUntilItEnds() {
        String message = "Maintenance tonight " + suffix;
        Tenantry.Reply made = app.post(Tenantry.host("public"), "/api/admin/announcements",
                "{\"message\":\"" + message + "\",\"severity\":\"WARNING\"}");
        assertEquals(201, made.status(), made.body());
        assertTrue(app.page(tenant, "/").body().contains(message));
        assertTrue(app.page(Tenantry.host("public"), "/").body().contains(message));

        long id = made.json().asJsonObject().getJsonNumber("id").longValue();
        assertEquals(404, app.delete(tenant, "/api/admin/announcements/" + id).status());
        assertEquals(204, app.delete(Tenantry.host("public"), "/api/admin/announcements/" + id).status());
        assertFalse(app.page(tenant, "/").body().contains(message));
    }
}
