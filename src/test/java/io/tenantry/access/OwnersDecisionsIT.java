package io.tenantry.access;

import static io.tenantry.testing.WebSession.url;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.tenantry.testing.DeployedTenantry;
import io.tenantry.testing.Tenantry;
import io.tenantry.testing.TestMail;
import io.tenantry.testing.WebSession;
import io.tenantry.testing.WebSession.Page;
import jakarta.json.JsonObject;

/**
 * Who may expose a tenant: making it publicly readable, sending its notices to outside addresses
 * and handing it to someone else are its owner's decisions (or a super-user's), not an
 * Administrator's, whatever the entry point; the rest of the settings stay the Administrators'. A
 * tenant is handed over only when the member it is offered to accepts.
 */
class OwnersDecisionsIT extends DeployedTenantry {

    private String suffix;
    private String host;
    private Tenantry owner;
    private Tenantry administrator;

    @BeforeEach
    void aTenantWithAnOwnerAndAnotherAdministrator() {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        owner = app.newAccount("owner-" + suffix);
        administrator = app.newAccount("admin-" + suffix);
        assertEquals(201, app.createTenant("own-" + suffix, "Own", "owner-" + suffix).status());
        host = Tenantry.host("own-" + suffix);
        owner.bringIn(host, "admin-" + suffix);
        assertEquals(204, owner.post(host, "/api/groups/" + owner.groupId(host, "Administrator") + "/members",
                "{\"username\":\"admin-" + suffix + "\"}").status());
    }

    @Test
    void anAdministratorWhoIsNotTheOwnerCannotExposeTheTenant() {
        Tenantry.Reply visible = administrator.put(host, "/api/settings", "{\"name\":\"Own\",\"publiclyReadable\":true}");
        assertEquals(403, visible.status(), visible.body());
        assertTrue(visible.body().contains("owner"), visible.body());
        assertEquals(403, app.newAccount("outsider-" + suffix).get(host, "/api/products").status(), "still private");

        Tenantry.Reply emails = administrator.put(host, "/api/settings", "{\"name\":\"Own\",\"extraEmails\":[\"spy-"
                + suffix + "@example.com\"]}");
        assertEquals(403, emails.status(), emails.body());
        assertTrue(settings().getJsonArray("extraEmails").isEmpty());

        Tenantry.Reply rest = administrator.put(host, "/api/settings", "{\"name\":\"Own Renamed\",\"navText\":\"QA\"}");
        assertEquals(200, rest.status(), "the rest of the settings are the Administrators': " + rest.body());
        assertEquals("Own Renamed", settings().getString("name"));
        assertFalse(settings().getBoolean("publiclyReadable"));
    }

    @Test
    void theOwnerAndTheSuperUserDecide() {
        assertEquals(200, owner.put(host, "/api/settings", "{\"name\":\"Own\",\"publiclyReadable\":true,"
                + "\"extraEmails\":[\"billing-" + suffix + "@example.com\"]}").status());
        assertEquals(200, app.anonymous().get(host, "/api/products").status(), "publicly readable now");
        assertEquals(200, app.put(host, "/api/settings", "{\"name\":\"Own\",\"publiclyReadable\":false}").status());
        assertEquals(401, app.anonymous().get(host, "/api/products").status(), "private again");
    }

    @Test
    void onlyTheOwnerHandsTheTenantToAMember() {
        assertEquals(403, administrator.put(host, "/api/settings/owner", "{\"owner\":\"admin-" + suffix + "\"}").status());
        app.newAccount("outsider-" + suffix);
        assertEquals(400, owner.put(host, "/api/settings/owner", "{\"owner\":\"outsider-" + suffix + "\"}").status(),
                "only to a member");
        assertEquals(400, owner.put(host, "/api/settings/owner", "{}").status(), "no owner named");
        assertEquals(400, owner.put(host, "/api/settings/owner", "{\"owner\":\"owner-" + suffix + "\"}").status(),
                "not to the owner");
    }

    @Test
    void handingTheTenantOverIsAnOfferThatChangesNothingUntilTheMemberAccepts() {
        Tenantry bystander = app.newAccount("bystander-" + suffix);
        owner.bringIn(host, "bystander-" + suffix);
        TestMail.Received offer = TestMail.nextMailTo("admin-" + suffix + "@example.com", "/ownership.xhtml", () -> assertEquals(202,
                owner.put(host, "/api/settings/owner", "{\"owner\":\"admin-" + suffix + "\"}").status()));
        assertTrue(offer.body().contains("/ownership.xhtml"), offer.body());
        assertEquals("owner-" + suffix, ownerOfTheTenant(), "the owner stays owner until the offer is accepted");
        assertEquals(200, owner.put(host, "/api/settings", "{\"name\":\"Own\",\"publiclyReadable\":false}").status(),
                "and still decides");

        assertEquals(403, bystander.post(host, "/api/settings/owner/acceptance", "").status(), "offered to someone else");
        assertEquals(403, owner.post(host, "/api/settings/owner/acceptance", "").status());
        assertTrue(administrator.page(host, "/ownership.xhtml").body().contains("ownership:accept"),
                "the page shows the offer to whom it was made");
        assertFalse(bystander.page(host, "/ownership.xhtml").body().contains("ownership:accept"));

        assertEquals(204, administrator.post(host, "/api/settings/owner/acceptance", "").status());
        assertEquals("admin-" + suffix, ownerOfTheTenant());
        assertEquals(403, owner.put(host, "/api/settings", "{\"name\":\"Own\",\"publiclyReadable\":true}").status(),
                "the former owner no longer decides");
        assertEquals(200, owner.get(host, "/api/products").status(), "the former owner stays a member");
        assertEquals(403, administrator.post(host, "/api/settings/owner/acceptance", "").status(), "an offer works once");
    }

    @Test
    void aNewerOfferReplacesTheOlder() {
        app.newAccount("second-" + suffix);
        owner.bringIn(host, "second-" + suffix);
        Tenantry second = app.basic("second-" + suffix, Tenantry.PASSWORD_OF_NEW_ACCOUNTS);
        assertEquals(202, owner.put(host, "/api/settings/owner", "{\"owner\":\"admin-" + suffix + "\"}").status());
        assertEquals(202, owner.put(host, "/api/settings/owner", "{\"owner\":\"second-" + suffix + "\"}").status());
        assertEquals(403, administrator.post(host, "/api/settings/owner/acceptance", "").status(), "withdrawn");
        assertEquals(204, second.post(host, "/api/settings/owner/acceptance", "").status());
        assertEquals("second-" + suffix, ownerOfTheTenant());
    }

    @Test
    void theSettingsPageShowsWhatOnlyTheOwnerDecides() {
        String asAdministrator = administrator.page(host, "/settings.xhtml").body();
        assertTrue(asAdministrator.contains("id=\"publiclyReadable-owners\""), "explained to the Administrator");
        assertFalse(asAdministrator.contains("ownership-panel"), "no transfer for the Administrator");
        String asOwner = owner.page(host, "/settings.xhtml").body();
        assertFalse(asOwner.contains("id=\"publiclyReadable-owners\""));
        assertTrue(asOwner.contains("ownership-panel") && asOwner.contains("admin-" + suffix), "the owner may transfer");
    }

    @Test
    void theOfferIsMadeOnTheSettingsPageAndAcceptedOnTheOwnershipPage() {
        WebSession browser = new WebSession(app.server());
        Page signIn = browser.follow(browser.get(url("own-" + suffix, "/settings.xhtml")));
        Page settingsPage = browser.follow(browser.submit(signIn, "signin", Map.of("signin:username", "owner-" + suffix,
                "signin:password", Tenantry.PASSWORD_OF_NEW_ACCOUNTS), "signin:submit"));
        assertTrue(settingsPage.body().contains("ownership-panel"), settingsPage.body());

        Page after = browser.follow(browser.submit(settingsPage, "ownership", Map.of("ownership:newOwner_input",
                "admin-" + suffix, "ownership:newOwner_focus", ""), "ownership:transfer"));
        assertTrue(after.body().contains("admin-" + suffix + " has been offered this tenant"), after.body());
        assertFalse(after.body().contains("id=\"publiclyReadable-owners\""), "still the owner's decisions");

        WebSession receiver = new WebSession(app.server());
        Page signInAgain = receiver.follow(receiver.get(url("own-" + suffix, "/ownership.xhtml")));
        Page offer = receiver.follow(receiver.submit(signInAgain, "signin", Map.of("signin:username", "admin-" + suffix,
                "signin:password", Tenantry.PASSWORD_OF_NEW_ACCOUNTS), "signin:submit"));
        Page accepted = receiver.follow(receiver.submit(offer, "ownership", Map.of(), "ownership:accept"));
        assertTrue(accepted.body().contains("You now own this tenant"), accepted.body());
        assertEquals("admin-" + suffix, ownerOfTheTenant());
    }

    @Test
    void anOfferEndsWhenAnOperatorHandsTheTenantToSomeoneElse() {
        assertEquals(202, owner.put(host, "/api/settings/owner", "{\"owner\":\"admin-" + suffix + "\"}").status());
        app.newAccount("chosen-" + suffix);
        assertEquals(200, app.onPublic("PUT", "/api/tenants/own-" + suffix, "{\"owner\":\"chosen-" + suffix + "\"}")
                .status());
        assertEquals(403, administrator.post(host, "/api/settings/owner/acceptance", "").status(),
                "the former owner's offer is not the new owner's");
        assertEquals("chosen-" + suffix, ownerOfTheTenant());
    }

    private String ownerOfTheTenant() {
        return app.get(Tenantry.host("public"), "/api/tenants/own-" + suffix).json().asJsonObject().getString("owner");
    }

    private JsonObject settings() {
        return owner.get(host, "/api/settings").json().asJsonObject();
    }
}
