package io.tenantry.access;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

import io.tenantry.testing.DeployedTenantry;
import io.tenantry.testing.PayaraOnly;
import io.tenantry.testing.SharedServer;
import io.tenantry.testing.Tenantry;
import io.tenantry.testing.TestServers;

/**
 * Who is calling and what they may do are as the database holds them on every request, on every
 * instance: a removed member, a permission taken from a group, a member taken out of a group, a
 * deleted group, a revoked token and a deactivated account are refused by the very next request on
 * another instance than the one that took them away, with no wait, and a new member or a permission
 * given is let in at once, though that instance kept what it read before ({@link KnownPermissions}). The first
 * instance is the run's shared server, the second the run's {@link TestServers#options()} (same
 * domain and database; it blocks unpaid tenants, so the tenant here is paid for).
 */
@PayaraOnly("a second instance beside the shared one: the run's Payara Micro options server (TestServers.options)")
@ResourceLock(value = TestServers.OPTIONS_LOCK, mode = ResourceAccessMode.READ)
class RevocationEverywhereIT extends DeployedTenantry {

    @RegisterExtension
    static final SharedServer SECOND = TestServers.options();

    private String suffix;
    private String host;
    private Tenantry two;
    /** The account each test brings in: a Tester once invited ({@link #janeReadingOnTwo}). */
    private String jane;

    @BeforeEach
    void aPaidTenantSeenByBothInstances() throws InterruptedException {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        jane = "jane-" + suffix;
        String label = "revoked-" + suffix;
        host = Tenantry.host(label);
        assertEquals(201, app.onPublic("POST", "/api/tenants", "{\"label\":\"" + label + "\",\"name\":\"Revoked\","
                + "\"paidUntil\":\"" + Instant.now().plus(30, ChronoUnit.DAYS) + "\"}").status());
        two = app.on(new Tenantry(SECOND.process().url()).awaitReady());
        // The second instance learns of the new tenant by its notification: wait for that only.
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (two.get(host, "/api/products").status() != 200 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(200, two.get(host, "/api/products").status(), "the super-user, its owner, reads it on two");
    }

    @Test
    void aRemovedMemberIsRefusedByTheNextRequestOnTheOtherInstance() {
        Tenantry janeOnTwo = janeReadingOnTwo();

        assertEquals(204, app.delete(host, "/api/members/" + jane).status());
        assertEquals(403, janeOnTwo.get(host, "/api/products").status(), "removed on one, refused on two at once");
    }

    @Test
    void aPermissionTakenFromAGroupIsRefusedByTheNextRequestOnTheOtherInstance() {
        Tenantry janeOnTwo = janeReadingOnTwo();
        assertEquals(200, janeOnTwo.get(host, "/api/products").status(), "and again, from what two kept");

        assertEquals(204, app.put(host, "/api/groups/" + app.groupId(host, "Tester"), "{\"permissions\":[\"CASE_VIEW\"]}").status());
        assertEquals(403, janeOnTwo.get(host, "/api/products").status(), "products taken from Testers on one, refused on two at once");
        assertEquals(200, janeOnTwo.get(host, "/api/cases").status(), "what Testers keep is still theirs");
    }

    @Test
    void aMemberTakenOutOfAGroupIsRefusedAndOneAddedIsLetInByTheNextRequestOnTheOtherInstance() {
        Tenantry janeOnTwo = janeReadingOnTwo();

        assertEquals(204, app.delete(host, "/api/groups/" + app.groupId(host, "Tester") + "/members/" + jane).status());
        assertEquals(403, janeOnTwo.get(host, "/api/products").status(), "out of Testers on one, refused on two at once");

        long readers = app.post(host, "/api/groups", "{\"name\":\"Readers\",\"permissions\":[\"PRODUCT_VIEW\"]}").json()
                .asJsonObject().getJsonNumber("id").longValue();
        assertEquals(204, app.post(host, "/api/groups/" + readers + "/members", "{\"username\":\"" + jane + "\"}").status());
        assertEquals(200, janeOnTwo.get(host, "/api/products").status(), "put in Readers on one, let in on two at once");

        assertEquals(204, app.delete(host, "/api/groups/" + readers).status());
        assertEquals(403, janeOnTwo.get(host, "/api/products").status(), "Readers deleted on one, refused on two at once");
    }

    @Test
    void aNewMemberIsLetInByTheNextRequestOnTheOtherInstance() {
        Tenantry janeOnTwo = app.newAccount(jane).on(two);
        int stranger = janeOnTwo.get(host, "/api/products").status();
        assertEquals(403, stranger, "no member yet: refused on two");

        app.bringIn(host, jane);
        assertEquals(200, janeOnTwo.get(host, "/api/products").status(), "invited on one, let in on two at once");
    }

    @Test
    void aRevokedTokenIsRefusedByTheNextRequestOnTheOtherInstance() {
        Tenantry janeOnTwo = janeReadingOnTwo();

        assertEquals(204, janeOnTwo.on(app).delete(Tenantry.host("public"), "/api/me/tokens/1").status(), "its first token, as newAccount makes it");
        assertEquals(401, janeOnTwo.get(host, "/api/products").status(), "revoked on one, refused on two at once");
    }

    @Test
    void aDeactivatedAccountIsRefusedByTheNextRequestOnTheOtherInstance() {
        Tenantry janeOnTwo = janeReadingOnTwo();

        assertEquals(204, app.delete(Tenantry.host("public"), "/api/accounts/" + jane).status());
        assertEquals(401, janeOnTwo.get(host, "/api/products").status(), "deactivated on one, refused on two at once");
    }

    /** Makes jane's account, brings her in (a Tester) on the first instance, and has her read products on the second. */
    private Tenantry janeReadingOnTwo() {
        Tenantry janeOnTwo = app.newAccount(jane).on(two);
        app.bringIn(host, jane);
        assertEquals(200, janeOnTwo.get(host, "/api/products").status(), "a member reads on two");
        return janeOnTwo;
    }
}
