package io.tenantry.web;

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

/**
 * Each refusal says what is true (not signed in, not a member, missing a permission named, no such
 * tenant), whom to ask without naming a private tenant's people to strangers, and the way forward,
 * with its status, in English and German; and {@code www.<domain>} leads to the public host.
 */
class RefusalPagesIT extends DeployedTenantry {

    private String tester;
    private String stranger;
    private String acme;
    private String readable;
    private String suffix;

    @BeforeEach
    void aTesterAndAStranger() {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        tester = "tess-" + suffix;
        stranger = "bob-" + suffix;
        acme = "acme-" + suffix;
        readable = "open-" + suffix;
        app.newAccount(tester);
        app.newAccount(stranger);
        assertEquals(201, app.createTenant(acme, "Acme Rockets").status());
        assertEquals(201, app.onPublic("POST", "/api/tenants", "{\"label\":\"" + readable
                + "\",\"name\":\"Open Rockets\",\"publiclyReadable\":true}").status());
        app.bringIn(Tenantry.host(acme), tester);
    }

    @Test
    void aTesterIsToldWhichPermissionHeLacksAndWhomToAsk() {
        WebSession tess = signedInOn(acme, tester);
        Map<String, String> pages = Map.of("/groups.xhtml", "Manage groups and permissions",
                "/settings.xhtml", "Change settings", "/invitations.xhtml", "Manage invitations");
        pages.forEach((path, permission) -> {
            Page refused = tess.get(url(acme, path));
            assertEquals(403, refused.status(), path);
            assertTrue(refused.body().contains(permission), path + ": " + refused.body());
            assertFalse(refused.body().contains("not a member"), path + ": he is one");
            assertTrue(refused.body().contains("<strong>" + Tenantry.ADMIN + "</strong>"), "the owner is named to a member: " + refused.body());
        });
        tess.get(url(acme, "/language?to=de&back=/"));
        Page german = tess.get(url(acme, "/groups.xhtml"));
        assertEquals(403, german.status());
        assertTrue(german.body().contains("Gruppen und Rechte verwalten"), german.body());
    }

    @Test
    void anAnonymousReaderIsAskedToSignInNotToldHeIsSignedIn() {
        WebSession anonymous = new WebSession(app.server());
        Page refused = anonymous.get(url(readable, "/members.xhtml"));

        assertEquals(401, refused.status());
        assertFalse(refused.body().contains("signed in as"), refused.body());
        assertFalse(refused.body().contains("{0}"), "every placeholder filled: " + refused.body());
        assertTrue(refused.body().contains("/auth/signin?next=%2Fmembers.xhtml"), "the way forward: " + refused.body());
        assertTrue(refused.body().contains("back=%2Fmembers.xhtml"), "the language switcher comes back to the page asked for");
    }

    @Test
    void aStrangerIsToldHeIsNotAMemberWithoutLearningWhoIs() {
        WebSession bob = signedInOn(acme, stranger);
        Page refused = bob.follow(bob.get(url(acme, "/groups.xhtml")));

        assertEquals(403, refused.status());
        assertTrue(refused.body().contains("not a member of Acme Rockets"), refused.body());
        assertTrue(refused.body().contains(stranger), "whom he is signed in as");
        assertFalse(refused.body().contains(tester), refused.body());
        assertFalse(refused.body().contains("<strong>" + Tenantry.ADMIN + "</strong>"), "the owner unnamed to a stranger");
    }

    @Test
    void aHostOfNoTenantGetsTheStyledPageWithTheWayBack() {
        WebSession anonymous = new WebSession(app.server());
        Page missing = anonymous.get(url("nosuch-" + suffix, "/plans.xhtml"));

        assertEquals(404, missing.status());
        assertTrue(missing.body().contains("tenantry.css"), "styled: " + missing.body());
        String stylesheet = missing.body().replaceAll("(?s).*href=\"(/jakarta\\.faces\\.resource/tenantry/tenantry\\.css[^\"]*)\".*", "$1")
                .replace("&amp;", "&");
        assertEquals(200, anonymous.get(url("nosuch-" + suffix, stylesheet)).status(), "its stylesheet is served there: " + stylesheet);
        assertTrue(missing.body().contains("nosuch-" + suffix), "names the address: " + missing.body());
        assertTrue(missing.body().contains("href=\"http://" + Tenantry.host("public")), "the way back: " + missing.body());

        Page german = anonymous.send(url("nosuch-" + suffix, "/"), "GET", null, "",
                Map.of("Accept", "text/html", "Accept-Language", "de"));
        assertEquals(404, german.status());
        assertTrue(german.body().contains("Mandant"), german.body());
        Page api = anonymous.send(url("nosuch-" + suffix, "/api/products"), "GET", null, "", Map.of());
        assertEquals(404, api.status());
        assertTrue(api.body().startsWith("{"), "programs still get a problem document: " + api.body());
    }

    @Test
    void wwwLeadsToThePublicHost() {
        WebSession anonymous = new WebSession(app.server());
        Page moved = anonymous.get("http://www." + Tenantry.DOMAIN + "/register.xhtml?from=ad");

        assertEquals(301, moved.status());
        assertEquals(url("public", "/register.xhtml?from=ad"), anonymous.kept(moved.location()));
    }

    private WebSession signedInOn(String label, String username) {
        WebSession browser = new WebSession(app.server());
        Page form = browser.follow(browser.get(url("public", "/signin.xhtml?next=" + url(label, "/"))));
        browser.follow(browser.submit(form, "signin", Map.of("signin:username", username,
                "signin:password", Tenantry.PASSWORD_OF_NEW_ACCOUNTS), "signin:submit"));
        return browser;
    }
}
