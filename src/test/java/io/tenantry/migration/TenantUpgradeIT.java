package io.tenantry.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.tenantry.testing.PayaraProcess;
import io.tenantry.testing.Tenantry;
import io.tenantry.testing.TestDatabase;

/**
 * Start-up with tenants whose schema is behind the code, on two instances starting together: the
 * tenant that can be migrated is, and is served; the one that cannot is reported and keeps
 * answering 503; neither instance stops the other or corrupts anything.
 */
class TenantUpgradeIT {

    @Test
    void tenantsBehindAreUpgradedInTheBackgroundAndAFailingOneIsReported() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String behind = "behind-" + suffix;
        String broken = "broken-" + suffix;
        try (PayaraProcess first = PayaraProcess.start(true)) {
            Tenantry app = new Tenantry(first.url()).awaitReady();
            assertEquals(201, app.createTenant(behind, "Behind").status());
            assertEquals(201, app.createTenant(broken, "Broken").status());
            assertEquals(201, app.post(Tenantry.host(behind), "/api/products", "{\"name\":\"Kept\"}").status());
        }
        try (Connection db = TestDatabase.connect(); Statement sql = db.createStatement()) {
            sql.execute("UPDATE public.tenant SET schema_version = '0' WHERE label IN ('" + behind + "', '" + broken + "')");
            // Without its history Flyway refuses the non-empty schema: a migration that fails.
            sql.execute("DROP TABLE \"" + broken.replace('-', '_') + "\".flyway_schema_history");
        }

        try (PayaraProcess one = PayaraProcess.start(true); PayaraProcess two = PayaraProcess.start(true)) {
            for (PayaraProcess instance : new PayaraProcess[] {one, two}) {
                Tenantry app = new Tenantry(instance.url()).awaitReady();
                assertEquals("Kept", awaitServed(app, behind).json().asJsonObject().getJsonArray("items").getJsonObject(0)
                        .getString("name"));
                Tenantry.Reply refused = app.get(Tenantry.host(broken), "/api/products");
                assertEquals(503, refused.status(), refused.body());
                assertTrue(refused.body().contains("being upgraded"), refused.body());
                String readiness = awaitUpgradeFinished(app);
                assertTrue(readiness.contains("\"tenantsFailed\":\"1\""), readiness);
            }
            assertTrue(one.printed(l -> l.contains("Could not migrate tenant " + broken))
                    && two.printed(l -> l.contains("Could not migrate tenant " + broken)), one.tail());
        }
        assertEquals(versionOf("public"), versionOf(behind), "upgraded to the version of current tenants");
        assertEquals("0", versionOf(broken));
    }

    private static Tenantry.Reply awaitServed(Tenantry app, String label) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Tenantry.Reply reply = app.get(Tenantry.host(label), "/api/products");
        while (reply.status() != 200 && System.nanoTime() < deadline) {
            assertEquals(503, reply.status(), "before its upgrade a tenant answers 503: " + reply);
            Thread.sleep(250);
            reply = app.get(Tenantry.host(label), "/api/products");
        }
        assertEquals(200, reply.status(), reply.body());
        return reply;
    }

    private static String awaitUpgradeFinished(Tenantry app) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String readiness = app.get("localhost", "/health/ready").body();
        while (!readiness.contains("\"tenantsUpgrading\":\"0\"") && System.nanoTime() < deadline) {
            Thread.sleep(250);
            readiness = app.get("localhost", "/health/ready").body();
        }
        return readiness;
    }

    private static String versionOf(String label) throws Exception {
        try (Connection db = TestDatabase.connect();
             PreparedStatement select = db.prepareStatement("SELECT schema_version FROM public.tenant WHERE label = ?")) {
            select.setString(1, label);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }
}
