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

/**
 * Invitations by e-mail: every invitation is a mailed link that works once, accepted by the account of
 * the address or by registering one through it; the answer never tells whether an address has an
 * account, and one address receives only a few invitation mails a day.
 */
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
    void anUnknownAddressGetsALinkAndAnAccountOnlyWhenItRegistersThroughIt() throws Exception {
        String address = "newcomer-" + suffix + "@example.com";
        JsonArray results = app.post(host, "/api/invitations", "{\"emails\":[\"" + address + "\"]}").json().asJsonObject().getJsonArray("results");
        assertEquals("INVITED", results.getJsonObject(0).getString("outcome"));
        assertEquals(1, app.get(host, "/api/invitations").json().asJsonObject().getJsonArray("items").size(), "pending");
        assertEquals(0, accountsWith(address), "no account is made before the person accepts");

        String link = TestMail.awaitMailTo(address).link("http://public." + Tenantry.DOMAIN + ":" + port() + "/accept-invitation");
        WebSession browser = new WebSession(app.server());
        Page arrived = browser.follow(register(browser, link, "newcomer-" + suffix));
        assertEquals(url(label, "/"), arrived.url(), arrived.body());
        assertTrue(arrived.body().contains("profile-link\">newcomer-" + suffix));
        assertEquals(1, accountsWith(address));

        Tenantry newcomer = app.bearer(app.tokenOf("newcomer-" + suffix, "my new password"));
        assertEquals(200, newcomer.get(host, "/api/products").status());
        assertEquals(403, newcomer.get(host, "/api/groups").status(), "a Tester, not an Administrator");
        assertEquals(0, app.get(host, "/api/invitations").json().asJsonObject().getJsonArray("items").size(), "no longer pending");

        Page refused = new WebSession(app.server()).get(link);
        assertTrue(refused.body().contains("This link has already been used"), refused.status() + " " + refused.url() + " " + refused.body());
    }

    @Test
    void aTenantsInvitationsAreNumberedAmongItsOwnAndTellNothingOfAnotherTenants() {
        String otherLabel = "team-o-" + suffix;
        String otherHost = Tenantry.host(otherLabel);
        assertEquals(201, app.createTenant(otherLabel, "Other team").status());

        Tenantry.Reply first = app.post(host, "/api/invitations", "{\"emails\":[\"first-" + suffix + "@example.com\"]}");
        assertEquals(201, first.status(), first.toString());
        // Another tenant invites between two invitations of this one: nothing of it may show here.
        Tenantry.Reply others = app.post(otherHost, "/api/invitations", "{\"emails\":[\"o1-" + suffix + "@example.com\", "
                + "\"o2-" + suffix + "@example.com\", \"o3-" + suffix + "@example.com\"]}");
        assertEquals(201, others.status(), others.toString());
        Tenantry.Reply second = app.post(host, "/api/invitations", "{\"emails\":[\"second-" + suffix + "@example.com\"]}");
        assertEquals(201, second.status(), second.toString());

        assertEquals(1, first.json().asJsonObject().getJsonArray("results").getJsonObject(0).getInt("id"));
        assertEquals(2, second.json().asJsonObject().getJsonArray("results").getJsonObject(0).getInt("id"),
                "the next of this tenant's, whatever others sent: " + second.body());
        assertTrue(second.location().endsWith("/api/invitations/2"), second.location());
        assertEquals(java.util.List.of(1, 2, 3), others.json().asJsonObject().getJsonArray("results").stream()
                .map(r -> r.asJsonObject().getInt("id")).toList(), "the other tenant counts its own");
        assertEquals("second-" + suffix + "@example.com", app.get(host, "/api/invitations/2").json().asJsonObject()
                .getString("email"));

        // A number only the other tenant has reaches nothing here, through any entry point.
        assertEquals(404, app.get(host, "/api/invitations/3").status());
        assertEquals(404, app.post(host, "/api/invitations/3/resend", "").status());
        assertEquals(404, app.delete(host, "/api/invitations/3").status());
        assertEquals(3, app.get(otherHost, "/api/invitations").json().asJsonObject().getJsonArray("items").size(),
                "the other tenant's invitations are all still there");
        assertEquals(204, app.delete(host, "/api/invitations/1").status());
        assertEquals(200, app.get(otherHost, "/api/invitations/1").status(), "the other tenant's number 1 stays");
    }

    @Test
    void anAddressWithAnAccountIsInvitedLikeAnyOtherAndJoinsOnlyByAcceptingAsThatAccount() {
        Tenantry known = app.newAccount("known-" + suffix);
        Tenantry claimer = app.newAccount("claimer-" + suffix);
        JsonArray results = app.post(host, "/api/invitations", "{\"emails\":[\"known-" + suffix + "@example.com\", "
                + "\"KNOWN-" + suffix + "@example.com\", \"nobody-" + suffix + "@example.com\"]}").json().asJsonObject().getJsonArray("results");
        assertEquals(2, results.size(), "one address, whatever its case");
        assertEquals("INVITED", results.getJsonObject(0).getString("outcome"), "the same answer as for no account");
        assertEquals("INVITED", results.getJsonObject(1).getString("outcome"));
        assertEquals(403, known.get(host, "/api/products").status(), "not a member before accepting");

        String token = TestMail.awaitMailTo("known-" + suffix + "@example.com").token();
        Tenantry.Reply other = claimer.post(Tenantry.host("public"), "/api/me/invitations", "{\"token\":\"" + token + "\"}");
        assertEquals(400, other.status(), "another account cannot take it: " + other.body());
        assertEquals(403, claimer.get(host, "/api/products").status());

        WebSession anonymous = new WebSession(app.server());
        Page page = anonymous.get(url("public", "/accept-invitation.xhtml?token=" + token));
        assertTrue(page.body().contains("id=\"sign-in-first\"") && !page.body().contains("accept:password"),
                "the owner of the address signs in; no one registers it again: " + page.body());

        assertEquals(200, known.post(Tenantry.host("public"), "/api/me/invitations", "{\"token\":\"" + token + "\"}")
                .status());
        assertEquals(200, known.get(host, "/api/products").status());
        assertEquals("ALREADY_MEMBER", app.post(host, "/api/invitations", "{\"emails\":[\"known-" + suffix
                + "@example.com\"]}").json().asJsonObject().getJsonArray("results").getJsonObject(0).getString("outcome"));
    }

    @Test
    void anAccountSignedInThroughTheLinkJoinsWithoutAnyPasswordChanging() {
        String address = "signer-" + suffix + "@example.com";
        app.post(host, "/api/invitations", "{\"emails\":[\"" + address + "\"]}");
        String link = TestMail.awaitMailTo(address).link("http://public." + Tenantry.DOMAIN + ":" + port()
                + "/accept-invitation");
        app.newAccount("signer-" + suffix);

        WebSession person = new WebSession(app.server());
        Page offer = person.get(link);
        assertTrue(offer.body().contains("id=\"sign-in-first\""), offer.body());
        Page signIn = person.get(url("public", "/signin.xhtml?next=" + java.net.URLEncoder.encode(
                "/accept-invitation.xhtml?" + link.substring(link.indexOf("token=")), java.nio.charset.StandardCharsets.UTF_8)));
        Page back = person.follow(person.submit(signIn, "signin", Map.of("signin:username", "signer-" + suffix,
                "signin:password", Tenantry.PASSWORD_OF_NEW_ACCOUNTS), "signin:submit"));
        Page joined = person.follow(person.submit(back, "join", Map.of(), "join:submit"));
        assertEquals(url(label, "/"), joined.url(), joined.body());
        assertEquals(200, app.basic("signer-" + suffix, Tenantry.PASSWORD_OF_NEW_ACCOUNTS).get(host, "/api/products")
                .status(), "a member, with the password it had");
    }

    @Test
    void invitingAgainSendsANewLinkAndOnlyTheNewestWorks() throws InterruptedException {
        String address = "twice-" + suffix + "@example.com";
        app.post(host, "/api/invitations", "{\"emails\":[\"" + address + "\"]}");
        String first = TestMail.awaitMailTo(address).link("http://public." + Tenantry.DOMAIN + ":" + port() + "/accept-invitation");
        assertEquals("SENT_AGAIN", app.post(host, "/api/invitations", "{\"emails\":[\"" + address + "\"]}").json()
                .asJsonObject().getJsonArray("results").getJsonObject(0).getString("outcome"));
        awaitMails(address, 2);
        String second = TestMail.awaitMailTo(address).link("http://public." + Tenantry.DOMAIN + ":" + port() + "/accept-invitation");
        assertFalse(first.equals(second));

        assertTrue(new WebSession(app.server()).get(first).body().contains("a newer one replaced it"),
                "the first link is replaced");
        WebSession browser = new WebSession(app.server());
        assertEquals(url(label, "/"), browser.follow(register(browser, second, "twice-" + suffix)).url());
    }

    @Test
    void oneAddressReceivesAtMostFiveInvitationMailsADayWhicheverTenantsSendThem() throws Exception {
        String address = "popular-" + suffix + "@example.com";
        String other = "crowd-" + suffix;
        assertEquals(201, app.createTenant(other, "Crowd").status());
        for (int mail = 0; mail < 3; mail++) {
            assertEquals(201, app.post(host, "/api/invitations", "{\"emails\":[\"" + address + "\"]}").status());
        }
        assertEquals(201, app.post(Tenantry.host(other), "/api/invitations", "{\"emails\":[\"" + address + "\"]}")
                .status());
        long id = app.get(Tenantry.host(other), "/api/invitations").json().asJsonObject().getJsonArray("items").getJsonObject(0)
                .getJsonNumber("id").longValue();
        assertEquals(204, app.post(Tenantry.host(other), "/api/invitations/" + id + "/resend", "").status());
        awaitMails(address, 5);

        Tenantry.Reply refused = app.post(Tenantry.host(other), "/api/invitations", "{\"emails\":[\"" + address
                + "\", \"bystander-" + suffix + "@example.com\"]}");
        assertEquals(429, refused.status(), refused.body());
        assertTrue(refused.body().contains(address), refused.body());
        assertEquals(429, app.post(host, "/api/invitations/" + app.get(host, "/api/invitations").json().asJsonObject().getJsonArray("items")
                .getJsonObject(0).getJsonNumber("id").longValue() + "/resend", "").status());
        Thread.sleep(500);
        assertEquals(5, TestMail.countTo(address), "no sixth mail");
        assertEquals(0, TestMail.countTo("bystander-" + suffix + "@example.com"), "a refusal sends nothing");
    }

    @Test
    void aRevokedInvitationNoLongerWorksAndAnExpiredOneSaysSo() throws Exception {
        String revoked = "revoked-" + suffix + "@example.com";
        String expired = "expired-" + suffix + "@example.com";
        app.post(host, "/api/invitations", "{\"emails\":[\"" + revoked + "\",\"" + expired + "\"]}");
        String revokedLink = TestMail.awaitMailTo(revoked).link("http://public." + Tenantry.DOMAIN + ":" + port() + "/accept-invitation");
        String expiredLink = TestMail.awaitMailTo(expired).link("http://public." + Tenantry.DOMAIN + ":" + port() + "/accept-invitation");
        long id = app.get(host, "/api/invitations").json().asJsonObject().getJsonArray("items").stream().map(v -> v.asJsonObject())
                .filter(i -> i.getString("email").equals(revoked)).findFirst().orElseThrow().getJsonNumber("id")
                .longValue();
        assertEquals(204, app.delete(host, "/api/invitations/" + id).status());
        assertTrue(new WebSession(app.server()).get(revokedLink).body().contains("not valid"));

        try (Connection db = TestDatabase.connect(); Statement sql = db.createStatement()) {
            sql.executeUpdate("UPDATE public.single_use_token SET expires_at = now() - interval '1 second' "
                    + "WHERE purpose = 'INVITATION' AND used_at IS NULL AND email = '" + expired + "'");
        }
        Page page = new WebSession(app.server()).get(expiredLink);
        assertTrue(page.body().contains("This link has expired. Ask whoever invited you to send the invitation again."),
                page.body());
    }

    @Test
    void anotherTenantNeitherSeesNorTouchesTheInvitations() {
        String address = "private-" + suffix + "@example.com";
        app.post(host, "/api/invitations", "{\"emails\":[\"" + address + "\"]}");
        long id = app.get(host, "/api/invitations").json().asJsonObject().getJsonArray("items").getJsonObject(0).getJsonNumber("id").longValue();
        String other = Tenantry.host("elsewhere-" + suffix);
        assertEquals(201, app.createTenant("elsewhere-" + suffix, "Elsewhere").status());

        assertFalse(app.get(other, "/api/invitations").body().contains(address), "not listed on another tenant");
        assertEquals(404, app.post(other, "/api/invitations/" + id + "/resend", "").status());
        assertEquals(404, app.delete(other, "/api/invitations/" + id).status());
        assertEquals(1, app.get(host, "/api/invitations").json().asJsonObject().getJsonArray("items").size(), "still pending at home");
    }

    @Test
    void onlyThoseWithThePermissionInvite() {
        Tenantry tester = app.newAccount("tester-" + suffix);
        app.bringIn(host, "tester-" + suffix);
        assertEquals(403, tester.post(host, "/api/invitations", "{\"emails\":[\"x-" + suffix + "@example.com\"]}")
                .status());
        assertEquals(403, tester.page(host, "/invitations.xhtml").status());
        assertEquals(400, app.post(host, "/api/invitations", "{\"emails\":[\"not an address\"]}").status());
    }

    /** Registers through the invitation's link, as someone whose address has no account. */
    private static Page register(WebSession browser, String link, String username) {
        return browser.submit(browser.get(link), "accept", Map.of("accept:username", username,
                "accept:password", "my new password", "accept:confirmation", "my new password"), "accept:submit");
    }

    private static int accountsWith(String address) throws Exception {
        try (Connection db = TestDatabase.connect(); Statement sql = db.createStatement();
                java.sql.ResultSet count = sql.executeQuery("SELECT count(*) FROM public.account WHERE email = '"
                        + address + "'")) {
            count.next();
            return count.getInt(1);
        }
    }

    private static void awaitMails(String address, int count) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (TestMail.countTo(address) < count && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(count, TestMail.countTo(address));
    }
}
