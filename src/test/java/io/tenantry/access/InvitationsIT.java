package io.tenantry.access;

import static io.tenantry.testing.WebSession.url;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.tenantry.testing.DeployedTenantry;
import io.tenantry.testing.Tenantry;
import io.tenantry.testing.TestDatabase;
import io.tenantry.testing.TestMail;
import io.tenantry.testing.WebSession.Page;
import io.tenantry.testing.WebSession;
import jakarta.json.JsonArray;

/** Invitations by e-mail: existing accounts join at once, new people through a mailed link that works once. */
class InvitationsIT extends DeployedTenantry {

    private String suffix;
    private String label;
    private String host;

    @BeforeEach
    void aTenant() {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        label = "team-" + suffix;
        host = Tenantry.host(label);
        assertEquals(201, app.createTenant(label, "Team").status());
    }

    @Test
    void anUnknownAddressGetsAnAccountAndALinkThatLandsItInTheTenantAsTester() {
        String address = "newcomer-" + suffix + "@example.com";
        JsonArray results = app.post(host, "/api/invitations", "{\"emails\":\"" + address + "\"}").json().asJsonArray();
        assertEquals("INVITED", results.getJsonObject(0).getString("outcome"));
        assertEquals(1, app.get(host, "/api/invitations").json().asJsonArray().size(), "pending");

        String link = TestMail.awaitMailTo(address).link("http://public." + Tenantry.DOMAIN + ":" + port() + "/accept-invitation");
        WebSession browser = new WebSession(app.server());
        Page accept = browser.get(link);
        Page arrived = browser.follow(browser.submit(accept, "accept", Map.of("accept:password", "my new password",
                "accept:confirmation", "my new password"), "accept:submit"));
        assertEquals(url(label, "/"), arrived.url(), arrived.body());
        assertTrue(arrived.body().contains("profile-link\">newcomer-" + suffix));

        Tenantry newcomer = app.bearer(app.tokenOf("newcomer-" + suffix, "my new password"));
        assertEquals(200, newcomer.get(host, "/api/products").status());
        assertEquals(403, newcomer.get(host, "/api/groups").status(), "a Tester, not an Administrator");
        assertEquals(0, app.get(host, "/api/invitations").json().asJsonArray().size(), "no longer pending");

        Page refused = accept(new WebSession(app.server()), link);
        assertTrue(refused.body().contains("This link has already been used"), refused.status() + " " + refused.url() + " " + refused.body());
    }

    @Test
    void anInvitationLinkNoLongerSetsThePasswordOnceThePersonChoseOneAnotherWay() throws Exception {
        String address = "resetter-" + suffix + "@example.com";
        app.post(host, "/api/invitations", "{\"emails\":\"" + address + "\"}");
        String invitation = TestMail.awaitMailTo(address).link("http://public." + Tenantry.DOMAIN + ":" + port()
                + "/accept-invitation");
        WebSession person = new WebSession(app.server());
        person.submit(person.get(url("public", "/forgot-password.xhtml")), "forgot", Map.of("forgot:email", address),
                "forgot:submit");
        awaitMails(address, 2);
        String reset = TestMail.awaitMailTo(address).link("http://public.");
        Page done = person.submit(person.get(reset), "reset", Map.of("reset:password", "chosen by reset",
                "reset:confirmation", "chosen by reset"), "reset:submit");
        assertTrue(done.body().contains("Your password has been changed"), done.body());

        WebSession holder = new WebSession(app.server());
        Page refused = holder.submit(holder.get(invitation), "accept",
                Map.of("accept:password", "chosen by link", "accept:confirmation", "chosen by link"), "accept:submit");
        assertTrue(refused.body().contains("not valid"), refused.body());
        assertEquals(200, app.basic("resetter-" + suffix, "chosen by reset").get(host, "/api/products").status());
        assertEquals(401, app.basic("resetter-" + suffix, "chosen by link").get(host, "/api/products").status());
    }

    @Test
    void anExistingAccountIsAddedAtOnceAndTold() {
        app.newAccount("known-" + suffix);
        JsonArray results = app.post(host, "/api/invitations", "{\"emails\":\"known-" + suffix + "@example.com, "
                + "KNOWN-" + suffix + "@example.com\"}").json().asJsonArray();
        assertEquals(1, results.size(), "one address, whatever its case");
        assertEquals("ADDED", results.getJsonObject(0).getString("outcome"));
        assertTrue(TestMail.awaitMailTo("known-" + suffix + "@example.com").subject().contains("added to Team"));
        assertEquals("ALREADY_MEMBER", app.post(host, "/api/invitations", "{\"emails\":\"known-" + suffix
                + "@example.com\"}").json().asJsonArray().getJsonObject(0).getString("outcome"));
    }

    @Test
    void invitingAgainSendsANewLinkAndOnlyTheNewestWorks() throws InterruptedException {
        String address = "twice-" + suffix + "@example.com";
        app.post(host, "/api/invitations", "{\"emails\":\"" + address + "\"}");
        String first = TestMail.awaitMailTo(address).link("http://public." + Tenantry.DOMAIN + ":" + port() + "/accept-invitation");
        assertEquals("SENT_AGAIN", app.post(host, "/api/invitations", "{\"emails\":\"" + address + "\"}").json()
                .asJsonArray().getJsonObject(0).getString("outcome"));
        awaitMails(address, 2);
        String second = TestMail.awaitMailTo(address).link("http://public." + Tenantry.DOMAIN + ":" + port() + "/accept-invitation");
        assertFalse(first.equals(second));

        assertTrue(accept(new WebSession(app.server()), first).body().contains("a newer one replaced it"),
                "the first link is replaced");
        WebSession browser = new WebSession(app.server());
        assertEquals(url(label, "/"), browser.follow(accept(browser, second)).url());
    }

    @Test
    void aRevokedInvitationNoLongerWorksAndAnExpiredOneSaysSo() throws Exception {
        String revoked = "revoked-" + suffix + "@example.com";
        String expired = "expired-" + suffix + "@example.com";
        app.post(host, "/api/invitations", "{\"emails\":\"" + revoked + "\\n" + expired + "\"}");
        String revokedLink = TestMail.awaitMailTo(revoked).link("http://public." + Tenantry.DOMAIN + ":" + port() + "/accept-invitation");
        String expiredLink = TestMail.awaitMailTo(expired).link("http://public." + Tenantry.DOMAIN + ":" + port() + "/accept-invitation");
        long id = app.get(host, "/api/invitations").json().asJsonArray().stream().map(v -> v.asJsonObject())
                .filter(i -> i.getString("email").equals(revoked)).findFirst().orElseThrow().getJsonNumber("id")
                .longValue();
        assertEquals(204, app.delete(host, "/api/invitations/" + id).status());
        assertFalse(app.get(host, "/api/members").body().contains("revoked-" + suffix), "no longer a member");
        assertTrue(accept(new WebSession(app.server()), revokedLink).body().contains("not valid"));

        try (Connection db = TestDatabase.connect(); Statement sql = db.createStatement()) {
            sql.executeUpdate("UPDATE public.single_use_token SET expires_at = now() - interval '1 second' "
                    + "WHERE purpose = 'INVITATION' AND used_at IS NULL AND account_id = (SELECT id FROM public.account "
                    + "WHERE email = '" + expired + "')");
        }
        Page page = accept(new WebSession(app.server()), expiredLink);
        assertTrue(page.body().contains("This link has expired. Ask whoever invited you to send the invitation again."),
                page.body());
    }

    @Test
    void anotherTenantNeitherSeesNorTouchesTheInvitations() {
        String address = "private-" + suffix + "@example.com";
        app.post(host, "/api/invitations", "{\"emails\":\"" + address + "\"}");
        long id = app.get(host, "/api/invitations").json().asJsonArray().getJsonObject(0).getJsonNumber("id").longValue();
        String other = Tenantry.host("elsewhere-" + suffix);
        assertEquals(201, app.createTenant("elsewhere-" + suffix, "Elsewhere").status());

        assertFalse(app.get(other, "/api/invitations").body().contains(address), "not listed on another tenant");
        assertEquals(404, app.post(other, "/api/invitations/" + id + "/resend", "").status());
        assertEquals(404, app.delete(other, "/api/invitations/" + id).status());
        assertEquals(1, app.get(host, "/api/invitations").json().asJsonArray().size(), "still pending at home");
    }

    @Test
    void onlyThoseWithThePermissionInvite() {
        Tenantry tester = app.newAccount("tester-" + suffix);
        assertEquals(201, app.post(host, "/api/members", "{\"username\":\"tester-" + suffix + "\"}").status());
        assertEquals(403, tester.post(host, "/api/invitations", "{\"emails\":\"x-" + suffix + "@example.com\"}")
                .status());
        assertEquals(403, tester.page(host, "/invitations.xhtml").status());
        assertEquals(400, app.post(host, "/api/invitations", "{\"emails\":\"not an address\"}").status());
    }

    private static Page accept(WebSession browser, String link) {
        return browser.submit(browser.get(link), "accept", Map.of("accept:password", "a fine password",
                "accept:confirmation", "a fine password"), "accept:submit");
    }

    private static void awaitMails(String address, int count) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (TestMail.countTo(address) < count && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(count, TestMail.countTo(address));
    }
}
