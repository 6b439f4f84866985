package io.tenantry.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.tenantry.testing.DeployedTenantry;
import io.tenantry.testing.Tenantry;
import jakarta.json.JsonValue;

/**
 * Rules are matched on what the server will serve, not on the raw text of the request: paths with
 * dot segments or path parameters, and list filters with LIKE's wildcards.
 */
class RawInputIT extends DeployedTenantry {

    private String label;
    private String host;

    @BeforeEach
    void aTenant() {
        label = "raw-" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(201, app.createTenant(label, "Raw").status());
        host = Tenantry.host(label);
    }

    @Test
    void aPathThatSkipsRoutingServesOnlyWhatItNames() {
        String noTenant = "nobody-" + label + "." + Tenantry.DOMAIN;
        assertEquals(404, app.anonymous().pageAtRawPath(noTenant, "/signin.xhtml").status());
        for (String disguised : List.of("/health/../signin.xhtml", "/openapi/..;/signin.xhtml", "/metrics/%2e%2e/signin.xhtml")) {
            Tenantry.Reply reply = app.anonymous().pageAtRawPath(noTenant, disguised);
            // 406 on WildFly: its OpenAPI handler, outside the WAR, takes every path under /openapi/ as its
            // own and refuses a page's Accept; the sign-in page is not reached either way.
            assertTrue(reply.status() == 404 || reply.status() == 400 || reply.status() == 406,
                    disguised + " on a host of no tenant: " + reply);
            assertFalse(reply.body().contains("password"), disguised + " must not render the sign-in page");
        }
    }

    @Test
    void aPathThatSkipsTheAccessGateServesOnlyWhatItNames() {
        Tenantry.Reply admin = app.pageAtRawPath(host, "/api/../admin/index.xhtml");
        assertTrue(admin.status() == 404 || admin.status() == 400, "platform administration exists only on the master "
                + "tenant's host: " + admin.status());
        Tenantry stranger = app.newAccount("stranger-" + label);
        Tenantry.Reply cases = stranger.pageAtRawPath(host, "/api/../cases.xhtml");
        assertTrue(cases.status() == 403 || cases.status() == 400, "a stranger is refused the cases page: " + cases.status());
    }

    @Test
    void accountPagesStayOnThePublicHostWhateverTheirPathParameters() {
        Tenantry.Reply profile = app.pageAtRawPath(host, "/profile.xhtml;x=1");
        assertTrue(profile.status() == 302 || profile.status() == 303, "sent to the public host: " + profile.status());
        assertTrue(profile.location().contains("//public." + Tenantry.DOMAIN), profile.location());
    }

    @Test
    void aFolderWithoutItsSlashIsRedirectedOnlyOnATenantsHostAndRelatively() {
        String noTenant = "nobody-" + label + "." + Tenantry.DOMAIN;
        for (String folder : List.of("/resources", "/admin", "/resources/tenantry", "/errors", "/WEB-INF", "/META-INF",
                "/WEB-INF/classes")) {
            Tenantry.Reply elsewhere = app.anonymous().pageAtRawPath(noTenant, folder);
            assertEquals(404, elsewhere.status(), folder + " on a host of no tenant: " + elsewhere);
            assertFalse(String.valueOf(elsewhere.location()).contains(noTenant), folder + ": " + elsewhere.location());
        }
        Tenantry.Reply folder = app.pageAtRawPath(host, "/resources/tenantry?v=1");
        assertEquals(302, folder.status(), folder.toString());
        assertEquals("tenantry/?v=1", folder.location(), "relative, so the browser keeps the host and the scheme it used");
        for (String hidden : List.of("/WEB-INF", "/META-INF", "/WEB-INF/lib")) {
            Tenantry.Reply refused = app.pageAtRawPath(host, hidden + "?v=1");
            assertEquals(404, refused.status(), hidden + " is never served: " + refused);
        }
    }

    @Test
    void namesThatTravelInMailStayOnOneLine() {
        String phishing = "Acme\\n\\nYour password has expired: reset it at http://evil.example/";
        for (String field : List.of("name", "organization", "navText")) {
            Tenantry.Reply refused = app.put(host, "/api/settings", "{\"name\":\"Raw\",\"" + field + "\":\"" + phishing + "\"}");
            assertEquals(400, refused.status(), field + ": " + refused);
            assertTrue(refused.body().contains("one line"), refused.body());
        }
        assertEquals("Raw", app.get(host, "/api/settings").json().asJsonObject().getString("name"));
        Tenantry.Reply account = app.post(Tenantry.host("public"), "/api/accounts", "{\"username\":\"" + label
                + "\",\"email\":\"" + label + "@example.com\",\"displayName\":\"" + phishing
                + "\",\"password\":\"" + Tenantry.PASSWORD_OF_NEW_ACCOUNTS + "\"}");
        assertEquals(400, account.status(), account.toString());
    }

    @Test
    void listFiltersFindTheirTextLiterallyWithoutWildcards() {
        long product = app.post(host, "/api/products", "{\"name\":\"Shop\"}").json().asJsonObject()
                .getJsonNumber("id").longValue();
        for (String summary : List.of("Checkout 100% paid", "Checkout_total", "Checkout total", "Login")) {
            assertEquals(201, app.post(host, "/api/cases", "{\"productId\":" + product + ",\"summary\":\"" + summary
                    + "\"}").status());
        }
        assertEquals(List.of("Checkout 100% paid"), summaries("/api/cases?summary=%25"));
        assertEquals(List.of("Checkout_total"), summaries("/api/cases?summary=_"));
        assertEquals(List.of(), summaries("/api/cases?summary=%5C"));
        assertEquals(List.of("Checkout 100% paid", "Checkout total", "Checkout_total"),
                summaries("/api/cases?summary=checkout&sort=summary"));
        assertEquals(List.of(), summaries("/api/products?name=%25"));
        assertEquals(List.of(), summaries("/api/plans?name=_"));
        assertEquals(List.of(), summaries("/api/runs?summary=%25"));
    }

    private List<String> summaries(String path) {
        Tenantry.Reply reply = app.get(host, path);
        assertEquals(200, reply.status(), path + ": " + reply);
        return reply.json().asJsonObject().getJsonArray("items").stream().map(JsonValue::asJsonObject)
                .map(item -> item.containsKey("summary") ? item.getString("summary") : item.getString("name")).toList();
    }
}
