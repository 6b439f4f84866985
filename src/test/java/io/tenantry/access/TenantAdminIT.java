package io.tenantry.access;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.tenantry.testing.DeployedTenantry;
import io.tenantry.testing.TenantFolders;
import io.tenantry.testing.Tenantry;
import io.tenantry.testing.TestMail;
import jakarta.json.JsonObject;

/** Groups, settings and logo of a tenant: who may change them, the rules, and that they stay in their tenant. */
class TenantAdminIT extends DeployedTenantry {

    /** The smallest valid PNG: one transparent pixel. */
    private static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");

    private String suffix;
    private String host;
    private Tenantry owner;

    @BeforeEach
    void aTenantWithAnOwner() {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        owner = app.newAccount("owner-" + suffix);
        assertEquals(201, app.createTenant("org-" + suffix, "Org", "owner-" + suffix).status());
        host = Tenantry.host("org-" + suffix);
    }

    @Test
    void aGroupGivesExactlyItsPermissions() {
        Tenantry.Reply created = owner.post(host, "/api/groups", "{\"name\":\"Viewers\",\"permissions\":[\"PRODUCT_VIEW\"]}");
        assertEquals(201, created.status(), created.body());
        long viewers = Long.parseLong(created.location().substring(created.location().lastIndexOf('/') + 1));
        Tenantry viewer = app.newAccount("viewer-" + suffix);
        owner.bringIn(host, "viewer-" + suffix);
        long testers = owner.groupId(host, "Tester");
        assertEquals(204, owner.delete(host, "/api/groups/" + testers + "/members/viewer-" + suffix).status());
        assertEquals(204, owner.post(host, "/api/groups/" + viewers + "/members", "{\"username\":\"viewer-" + suffix
                + "\"}").status());

        assertEquals(200, viewer.get(host, "/api/products").status());
        assertEquals(403, viewer.post(host, "/api/products", "{\"name\":\"No\"}").status());
        assertEquals(204, owner.put(host, "/api/groups/" + viewers, "{\"permissions\":[\"PRODUCT_VIEW\",\"PRODUCT_ADD\"],"
                + "\"name\":\"Contributors\"}").status());
        assertEquals(201, viewer.post(host, "/api/products", "{\"name\":\"Yes " + suffix + "\"}").status());
        assertEquals(204, owner.delete(host, "/api/groups/" + viewers).status());
        assertEquals(403, viewer.get(host, "/api/products").status(), "a member in no group may do nothing");
    }

    @Test
    void builtInGroupsKeepTheirNamesAndAdministratorKeepsEveryPermission() {
        long administrators = owner.groupId(host, "Administrator");
        long testers = owner.groupId(host, "Tester");
        assertEquals(400, owner.put(host, "/api/groups/" + testers, "{\"name\":\"Renamed\"}").status());
        assertEquals(400, owner.delete(host, "/api/groups/" + testers).status());
        assertEquals(400, owner.put(host, "/api/groups/" + administrators, "{\"permissions\":[]}").status());
        assertEquals(400, owner.post(host, "/api/groups", "{\"name\":\"tester\"}").status(), "names are unique");
    }

    @Test
    void settingsAreChangedByAdministratorsAndPaidUntilOnlyByTheOperator() {
        Tenantry.Reply changed = owner.put(host, "/api/settings", "{\"name\":\"Org Renamed\",\"organization\":\"Org Ltd\","
                + "\"publiclyReadable\":true,\"extraEmails\":[\"Billing-" + suffix + "@example.com\"],\"navText\":\"QA\"}");
        assertEquals(200, changed.status(), changed.body());
        assertEquals("[\"billing-" + suffix + "@example.com\"]",
                changed.json().asJsonObject().getJsonArray("extraEmails").toString());
        assertEquals(200, app.anonymous().get(host, "/api/products").status(), "publicly readable now");
        assertTrue(owner.page(host, "/").body().contains("Org Renamed"));
        assertTrue(owner.page(host, "/").body().contains("QA"));

        Tenantry tester = app.newAccount("tester-" + suffix);
        owner.bringIn(host, "tester-" + suffix);
        assertEquals(403, tester.put(host, "/api/settings", "{\"name\":\"Mine\"}").status());
        assertEquals(403, tester.page(host, "/settings.xhtml").status());
        assertEquals(200, app.page(host, "/settings.xhtml").status(), "the operator keeps terms without being a member");
        assertEquals(403, app.page(host, "/members.xhtml").status(), "but sees nothing else of the tenant");
        assertEquals(403, owner.put(Tenantry.host("public"), "/api/tenants/org-" + suffix,
                "{\"paidUntil\":\"2099-01-01T00:00:00Z\"}").status(), "the owner cannot extend the subscription");
        assertEquals(400, owner.put(host, "/api/settings", "{\"name\":\"Org\",\"extraEmails\":[\"nope\"]}").status());
    }

    @Test
    void aFieldLeftOutOfTheSettingsStaysAsItIs() {
        assertEquals(200, owner.put(host, "/api/settings", "{\"name\":\"Kept\",\"organization\":\"Kept Ltd\","
                + "\"publiclyReadable\":true,\"extraEmails\":[\"kept-" + suffix + "@example.com\"],\"navText\":\"Nav\"}")
                .status());

        Tenantry.Reply organization = owner.put(host, "/api/settings", "{\"organization\":\"Org\"}");
        assertEquals(200, organization.status(), organization.body());
        JsonObject settings = organization.json().asJsonObject();
        assertEquals("Kept", settings.getString("name"));
        assertEquals("Org", settings.getString("organization"));
        assertTrue(settings.getBoolean("publiclyReadable"));
        assertEquals("[\"kept-" + suffix + "@example.com\"]", settings.getJsonArray("extraEmails").toString());
        assertEquals("Nav", settings.getString("navText"));

        Tenantry.Reply named = owner.put(host, "/api/settings", "{\"name\":\"Renamed\"}");
        assertEquals(200, named.status(), named.body());
        assertEquals("Org", named.json().asJsonObject().getString("organization"), "left out, so kept");
        assertEquals("Nav", named.json().asJsonObject().getString("navText"), "left out, so kept");
        assertEquals(200, owner.put(host, "/api/settings", "{}").status(), "nothing sent, nothing changed");
        assertEquals("Renamed", owner.get(host, "/api/settings").json().asJsonObject().getString("name"));

        Tenantry.Reply cleared = owner.put(host, "/api/settings", "{\"navText\":null,\"extraEmails\":null}");
        assertEquals(200, cleared.status(), cleared.body());
        assertEquals("", cleared.json().asJsonObject().getString("navText"), "sent as null, so cleared");
        assertEquals("[]", cleared.json().asJsonObject().getJsonArray("extraEmails").toString(), "sent as null, so cleared");
        assertEquals(400, owner.put(host, "/api/settings", "{\"name\":null}").status(), "a tenant keeps a name");
    }

    @Test
    void theLogoIsCheckedAndStaysWithItsTenant() throws Exception {
        assertEquals(404, owner.download(host, "/logo").status(), "no logo yet");
        assertEquals(204, owner.put(host, "/api/settings/logo", "image/png", PNG).status());
        Tenantry.Download served = owner.download(host, "/logo");
        assertEquals(200, served.status());
        assertEquals("image/png", served.header("Content-Type"));
        assertArrayEquals(PNG, served.body());

        assertEquals(201, app.createTenant("other-" + suffix, "Other").status());
        assertEquals(404, app.download(Tenantry.host("other-" + suffix), "/logo").status(),
                "not on another tenant's host");
        assertEquals(302, app.anonymous().download(host, "/logo").status(),
                "not to strangers of a private tenant: sign in first");

        byte[] svg = "<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>".getBytes();
        assertEquals(400, owner.put(host, "/api/settings/logo", "image/png", svg).status(),
                "judged by content, not by the type claimed");
        Tenantry.Reply tooLarge = owner.put(host, "/api/settings/logo", "image/png", new byte[300 * 1024]);
        assertEquals(413, tooLarge.status(), tooLarge.toString());
        assertTrue(tooLarge.contentType().startsWith("application/problem+json"), tooLarge.contentType());
        assertTrue(tooLarge.json().asJsonObject().getString("detail").contains("256 KiB"), tooLarge.toString());
        Tenantry.Reply chunked = owner.putStreamed(host, "/api/settings/logo", "image/png",
                () -> new ByteArrayInputStream(new byte[300 * 1024]));
        assertEquals(413, chunked.status(), "counted when no length is declared: " + chunked);
        Tenantry.Reply hugeJson = owner.putStreamed(host, "/api/settings", "application/json",
                () -> new ByteArrayInputStream(("{\"name\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}").getBytes()));
        assertEquals(413, hugeJson.status(), "a JSON body is held to 1 MiB: " + hugeJson);
        assertArrayEquals(PNG, owner.download(host, "/logo").body(), "a refused upload keeps the logo");

        Path folder = TenantFolders.of("org-" + suffix);
        assertTrue(Files.exists(folder.resolve("logo")), folder.toString());
        assertEquals(204, app.onPublic("DELETE", "/api/tenants/org-" + suffix, null).status());
        assertFalse(Files.exists(folder), "deleted with the tenant");
    }

    @Test
    void aNewTenantIsAnnouncedToItsOwnerAndTheOperators() {
        assertTrue(TestMail.awaitMailTo("owner-" + suffix + "@example.com", "org-" + suffix).subject()
                .contains("New tenant: Org"));
        // The operators' address receives every test's notices: the one naming this tenant is looked for.
        assertTrue(TestMail.awaitMailTo(Tenantry.emailOf(Tenantry.ADMIN), "org-" + suffix).subject()
                .contains("New tenant"));
    }
}
