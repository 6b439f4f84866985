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
import io.tenantry.testing.WebSession;
import io.tenantry.testing.WebSession.Page;
import jakarta.json.JsonObject;

/**
 * Who may expose a tenant: making it publicly readable, sending its notices to outside addresses
 * and handing it to someone else are its owner's decisions (or a super-user's), not an
 * Administrator's, whatever the entry point; the rest of the settings stay the Administrators'.
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
        assertEquals(201, owner.post(host, "/api/members", "{\"username\":\"admin-" + suffix + "\"}").status());
        assertEquals(204, owner.post(host, "/api/groups/" + groupId("Administrator") + "/members",
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
        assertEquals(204, owner.put(host, "/api/settings/owner", "{\"owner\":\"admin-" + suffix + "\"}").status());
        JsonObject tenant = app.get(Tenantry.host("public"), "/api/tenants/own-" + suffix).json().asJsonObject();
        assertEquals("admin-" + suffix, tenant.getString("owner"));
        assertEquals(403, owner.put(host, "/api/settings", "{\"name\":\"Own\",\"publiclyReadable\":true}").status(),
                "the former owner no longer decides");
        assertEquals(200, owner.get(host, "/api/products").status(), "the former owner stays a member");
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
    void afterHandingTheTenantOverTheSettingsPageNoLongerOffersIt() {
        WebSession browser = new WebSession(app.server());
        Page signIn = browser.follow(browser.get(url("own-" + suffix, "/settings.xhtml")));
        Page settingsPage = browser.follow(browser.submit(signIn, "signin", Map.of("signin:username", "owner-" + suffix,
                "signin:password", Tenantry.PASSWORD_OF_NEW_ACCOUNTS), "signin:submit"));
        assertTrue(settingsPage.body().contains("ownership-panel"), settingsPage.body());

        Page after = browser.follow(browser.submit(settingsPage, "ownership", Map.of("ownership:newOwner_input",
                "admin-" + suffix, "ownership:newOwner_focus", ""), "ownership:transfer"));
        assertTrue(after.body().contains("admin-" + suffix + " now owns this tenant"), after.body());
        assertFalse(after.body().contains("ownership-panel"), "the former owner is offered nothing more");
        assertTrue(after.body().contains("id=\"publiclyReadable-owners\""), "nor the owner's decisions");
    }

    private JsonObject settings() {
        return owner.get(host, "/api/settings").json().asJsonObject();
    }

    private long groupId(String name) {
        return owner.get(host, "/api/groups").json().asJsonArray().stream().map(v -> v.asJsonObject())
                .filter(g -> g.getString("name").equals(name)).findFirst().orElseThrow().getJsonNumber("id").longValue();
    }
}
