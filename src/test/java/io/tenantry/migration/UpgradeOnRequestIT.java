package io.tenantry.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static io.tenantry.migration.RecordedUpgrades.attempts;
import static io.tenantry.migration.RecordedUpgrades.hideHistory;
import static io.tenantry.migration.RecordedUpgrades.markBehind;
import static io.tenantry.migration.RecordedUpgrades.setVersion;
import static io.tenantry.migration.RecordedUpgrades.versionOf;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

import io.tenantry.testing.DeployedTenantry;
import io.tenantry.testing.Scrape;
import io.tenantry.testing.Tenantry;
import io.tenantry.testing.TestMail;

/**
 * A tenant whose schema is behind the code, as after a start on a newer version before the fleet's
 * upgrade reaches it, is upgraded for the request that asks for it and that request is served; a
 * request upgrades its own tenant only. One whose upgrade fails answers 503, and its callers do not
 * have it tried again: its back-off (or a super-user) does. A tenant ahead of the code (a newer
 * instance upgraded it, during a rolling deployment) is left as it is and answers 503. On the run's
 * shared server; the tenants are recorded behind (or ahead) as an instance finds them, and announced.
 * Alone: an instance starting meanwhile (another class's) would upgrade every tenant behind, these too.
 */
@Isolated("an instance that another class starts upgrades every tenant behind the code, and this class's tenants too")
class UpgradeOnRequestIT extends DeployedTenantry {

    @Test
    void aRequestHasItsTenantUpgradedFirstAndIsServed() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String asked = "asked-" + suffix;
        String waiting = "waiting-" + suffix;
        Tenantry owner = ownerOf(asked, suffix);
        assertEquals(201, app.createTenant(waiting, "Waiting", "owner-" + suffix).status());
        assertEquals(201, owner.post(Tenantry.host(asked), "/api/products", "{\"name\":\"Kept\"}").status());
        Tenantry stranger = app.newAccount("stranger-" + suffix);
        List<String> atRest = strangersAnswers(stranger, asked);
        markBehind(asked);
        markBehind(waiting);
        awaitPending(asked);
        awaitPending(waiting);
        double servedBefore = waits("served");
        assertEquals(atRest, strangersAnswers(stranger, asked),
                "a stranger to a private tenant is answered as at rest, not told that it waits for its upgrade");
        assertEquals("0", versionOf(asked), "a stranger to a private tenant does not have it upgraded (nor times it)");

        Tenantry.Reply served = owner.get(Tenantry.host(asked), "/api/products");
        assertEquals(200, served.status(), "served once its own upgrade is done, not 503 until its turn: " + served);
        assertEquals("Kept", served.json().asJsonObject().getJsonArray("items").getJsonObject(0).getString("name"));
        assertEquals(versionOf("public"), versionOf(asked), "upgraded to the code's version");
        assertEquals("0", versionOf(waiting), "a request upgrades its own tenant only");
        assertEquals("pending", upgradeState(waiting));
        assertEquals(servedBefore + 1, waits("served"), "the metrics count the request that waited and was served");

        assertEquals(200, owner.get(Tenantry.host(waiting), "/api/products").status());
        assertEquals(versionOf("public"), versionOf(waiting));
    }

    @Test
    void aTenantWhoseUpgradeFailsAnswers503AndItsCallersDoNotHaveItTriedAgain() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String broken = "broken-" + suffix;
        Tenantry owner = ownerOf(broken, suffix);
        Tenantry stranger = app.newAccount("stranger-" + suffix);
        List<String> atRest = strangersAnswers(stranger, broken);
        markBehind(broken);
        hideHistory(broken, true);
        try {
            awaitPending(broken);
            double failedBefore = waits("failed");
            Tenantry.Reply first = owner.get(Tenantry.host(broken), "/api/products");
            assertEquals(503, first.status(), first.toString());
            assertTrue(first.body().contains("could not be upgraded"), "tried for the request, and failed: " + first.body());
            assertEquals(1, attempts(broken));
            assertEquals(failedBefore + 1, waits("failed"), "counted: a wait that ended in a failed upgrade");
            for (int i = 0; i < 3; i++) {
                assertEquals(503, owner.get(Tenantry.host(broken), "/api/products").status());
            }
            assertEquals(atRest, strangersAnswers(stranger, broken), "strangers learn nothing of the failed upgrade");
            assertEquals(1, attempts(broken), "asking again does not try again before the back-off");
        } finally {
            hideHistory(broken, false);
        }
        assertEquals(202, app.onPublic("POST", "/api/tenants/" + broken + "/upgrade", null).status());
        awaitServed(owner, broken);
    }

    @Test
    void anInvitationToATenantBehindTheCodeIsAcceptedOnlyOnceItIsUpgraded() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String label = "invited-" + suffix;
        Tenantry owner = ownerOf(label, suffix);
        Tenantry guest = app.newAccount("guest-" + suffix);
        String email = Tenantry.emailOf("guest-" + suffix);
        TestMail.Received invitation = TestMail.nextMailTo(email, "/accept-invitation.xhtml?token=", () -> assertEquals(201,
                owner.post(Tenantry.host(label), "/api/invitations", "{\"emails\":[\"" + email + "\"]}").status()));
        markBehind(label);
        awaitPending(label);
        String accept = "{\"token\":\"" + invitation.token() + "\"}";

        Tenantry.Reply refused = guest.post(Tenantry.host("public"), "/api/me/invitations", accept);
        assertEquals(503, refused.status(), "its default groups are in a schema behind the code: " + refused);
        assertEquals(403, guest.get(Tenantry.host(label), "/api/products").status(), "no member: nothing was written");
        assertEquals("0", versionOf(label));

        assertEquals(200, owner.get(Tenantry.host(label), "/api/products").status(), "upgraded for its owner's request");
        Tenantry.Reply joined = guest.post(Tenantry.host("public"), "/api/me/invitations", accept);
        assertEquals(200, joined.status(), "the link was left usable: " + joined);
        assertEquals(200, guest.get(Tenantry.host(label), "/api/products").status());
    }

    /** Until the tenant answers its caller 200, as it does once current on the shared server. */
    private static void awaitServed(Tenantry caller, String label) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Tenantry.Reply reply = caller.get(Tenantry.host(label), "/api/products");
        while (reply.status() != 200 && System.nanoTime() < deadline) {
            Thread.sleep(250);
            reply = caller.get(Tenantry.host(label), "/api/products");
        }
        assertEquals(200, reply.status(), "served: " + reply);
    }

    @Test
    void aTenantAheadOfTheCodeIsLeftAsItIs() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String ahead = "ahead-" + suffix;
        Tenantry owner = ownerOf(ahead, suffix);
        String version = versionOf(ahead);
        setVersion(ahead, "999.1");
        try {
            awaitPending(ahead);
            Tenantry.Reply refused = owner.get(Tenantry.host(ahead), "/api/products");
            assertEquals(503, refused.status(), "this code does not serve a schema of a newer version: " + refused);
            assertEquals("999.1", versionOf(ahead), "nor records its own version over the newer one");
            assertEquals(0, attempts(ahead));
            assertEquals(202, app.onPublic("POST", "/api/tenants/" + ahead + "/upgrade", null).status());
            assertEquals(503, owner.get(Tenantry.host(ahead), "/api/products").status());
            assertEquals("999.1", versionOf(ahead), "a super-user's retry leaves it too");
        } finally {
            setVersion(ahead, version);
        }
        awaitServed(owner, ahead);
    }

    /**
     * What strangers to the private tenant are answered, each as its status and address: anonymous and signed
     * in, through the API (a read and a write) and a page. Asserted 401 and 403 at rest, so that a
     * comparison with these answers cannot pass on two 503s.
     */
    private List<String> strangersAnswers(Tenantry stranger, String label) {
        String host = Tenantry.host(label);
        List<String> answers = new ArrayList<>();
        String firstBody = app.anonymous().get(host, "/api/products").body();
        for (Tenantry caller : List.of(app.anonymous(), stranger)) {
            answers.add(answer(caller.get(host, "/api/products")));
            answers.add(answer(caller.post(host, "/api/products", "{\"name\":\"Planted\"}")));
            answers.add(answer(caller.page(host, "/")));
        }
        assertEquals(List.of(401, 401, 403, 403), List.of(answers.get(0), answers.get(1), answers.get(3), answers.get(4))
                .stream().map(answer -> Integer.valueOf(answer.split(" ")[0])).toList(), answers + " " + firstBody);
        return answers;
    }

    /** The status and where it sends the caller, without the query (a hand-off's state is new each time). */
    private static String answer(Tenantry.Reply reply) {
        return reply.status() + " " + (reply.location() == null ? "" : reply.location().replaceFirst("\\?.*", ""));
    }

    /** {@code tenantry_tenant_upgrade_waits_total{outcome}} on the shared server. */
    private double waits(String outcome) {
        return Scrape.of(app).value("tenantry_tenant_upgrade_waits_total", "outcome", outcome);
    }

    private Tenantry ownerOf(String label, String suffix) {
        Tenantry owner = app.newAccount("owner-" + suffix);
        assertEquals(201, app.createTenant(label, "Upgraded on request", "owner-" + suffix).status());
        return owner;
    }

    /** Until the shared server has heard the announcement: the super-user's view of the tenant says pending. */
    private void awaitPending(String label) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!"pending".equals(upgradeState(label)) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertEquals("pending", upgradeState(label));
    }

    private String upgradeState(String label) {
        return app.onPublic("GET", "/api/tenants/" + label, null).json().asJsonObject().getJsonObject("upgrade")
                .getString("state");
    }
}
