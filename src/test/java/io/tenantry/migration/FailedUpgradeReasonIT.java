package io.tenantry.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.tenantry.testing.DeployedTenantry;
import io.tenantry.testing.Tenantry;
import io.tenantry.testing.TestDatabase;

/**
 * Why a tenant's upgrade failed may quote a row of it (a unique violation's key): its 503 says why
 * only to those who administer the tenant and to super-users; its other members are told only that
 * the tenant is being upgraded, and strangers to it (private) what they are told at rest. The failure is recorded as an instance records it, on the run's
 * shared server, and taken back afterwards.
 */
class FailedUpgradeReasonIT extends DeployedTenantry {

    private String suffix;
    private String label;
    private String host;
    private String secret;
    private String versionBefore;

    @BeforeEach
    void aTenantWhoseUpgradeFailedOnARow() throws Exception {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        label = "failed-" + suffix;
        host = Tenantry.host(label);
        secret = "secret-" + suffix;
    }

    @AfterEach
    void upgradedAfterAll() throws Exception {
        if (versionBefore != null) {
            sql("DELETE FROM public.tenant_upgrade WHERE tenant_id = (SELECT id FROM public.tenant WHERE label = ?)", label);
            sql("UPDATE public.tenant SET schema_version = '" + versionBefore + "' WHERE label = ?", label);
            sql("SELECT pg_notify('tenantry_tenants', ?)", label);
        }
    }

    @Test
    void onlyItsAdministratorsAndSuperUsersLearnWhy() throws Exception {
        Tenantry owner = app.newAccount("owner-" + suffix);
        Tenantry tester = app.newAccount("tester-" + suffix);
        Tenantry stranger = app.newAccount("stranger-" + suffix);
        assertEquals(201, app.createTenant(label, "Failed", "owner-" + suffix).status());
        owner.bringIn(host, "tester-" + suffix);
        fail();

        // A member who does not administer it hears that it is being upgraded, nor learns by the wait before the
        // next attempt (a day away): "being upgraded" waits 5 s.
        for (Tenantry.Reply reply : new Tenantry.Reply[] {tester.get(host, "/api/products"), tester.page(host, "/cases.xhtml")}) {
            assertEquals(503, reply.status(), "a member who does not administer it: " + reply);
            assertFalse(reply.body().contains(secret), "a member who does not administer it is not told why: " + reply.body());
            assertTrue(reply.body().contains("being upgraded"), reply.body());
        }
        assertEquals(Optional.of("5"), tester.header(host, "/api/products", "Retry-After"), "a member who does not administer it");
        // Strangers to the private tenant are answered as at rest: nothing tells them it failed, or is behind.
        Map<String, List<Integer>> atRest = Map.of("an anonymous visitor", List.of(401, 302), "a stranger", List.of(403, 403));
        Map<String, Tenantry> strangers = Map.of("an anonymous visitor", app.anonymous(), "a stranger", stranger);
        for (Map.Entry<String, Tenantry> visitor : strangers.entrySet()) {
            Tenantry.Reply read = visitor.getValue().get(host, "/api/products");
            Tenantry.Reply page = visitor.getValue().page(host, "/cases.xhtml");
            assertEquals(atRest.get(visitor.getKey()), List.of(read.status(), page.status()), visitor.getKey() + ": " + read + " " + page);
            for (Tenantry.Reply reply : List.of(read, page)) {
                assertFalse(reply.body().contains(secret) || reply.body().contains("upgrade"), visitor.getKey() + ": " + reply.body());
            }
            assertEquals(Optional.empty(), visitor.getValue().header(host, "/api/products", "Retry-After"), visitor.getKey());
        }
        Map<String, Tenantry> told = Map.of("the owner", owner, "a super-user", app);
        for (Map.Entry<String, Tenantry> visitor : told.entrySet()) {
            Tenantry.Reply reply = visitor.getValue().get(host, "/api/products");
            assertEquals(503, reply.status(), visitor.getKey() + ": " + reply);
            assertTrue(reply.body().contains(secret), visitor.getKey() + " is told why: " + reply.body());
        }
    }

    /** As {@code UpgradeStates.failed} records it, with the next attempt a day away, announced to every instance. */
    private void fail() throws Exception {
        try (Connection db = TestDatabase.connect(); PreparedStatement select = db.prepareStatement(
                "SELECT schema_version FROM public.tenant WHERE label = ?")) {
            select.setString(1, label);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                versionBefore = row.getString(1);
            }
        }
        sql("UPDATE public.tenant SET schema_version = '0' WHERE label = ?", label);
        sql("INSERT INTO public.tenant_upgrade (tenant_id, state, reason, attempts, next_attempt_at)"
                + " SELECT id, 'failed', 'ERROR: duplicate key value violates unique constraint. Key (name)=("
                + secret + ") already exists.', 1, now() + interval '1 day' FROM public.tenant WHERE label = ?", label);
        sql("SELECT pg_notify('tenantry_tenants', ?)", label);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (app.get(host, "/api/products").status() != 503 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    private static void sql(String statement, String label) throws Exception {
        try (Connection db = TestDatabase.connect(); PreparedStatement sql = db.prepareStatement(statement)) {
            sql.setString(1, label);
            sql.execute();
        }
    }
}
