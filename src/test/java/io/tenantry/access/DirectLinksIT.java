package io.tenantry.access;

import static io.tenantry.testing.WebSession.url;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import io.tenantry.testing.DeployedTenantry;
import io.tenantry.testing.Tenantry;
import io.tenantry.testing.WebSession;
import io.tenantry.testing.WebSession.Page;

/**
 * Any address of a tenant, opened directly (a mail's link, a bookmark, a pasted link) by someone
 * signed in on the public host: the hand-off bound to this browser by a state cookie of the tenant
 * host, a code that works only with it, a return path that never leaves the tenant's host, and no
 * redirect loop for those who are not signed in.
 */
@Order(1) // among the longest: started first, so that it does not end the run alone (junit-platform.properties)
class DirectLinksIT extends DeployedTenantry {

    private String member;
    private String intruder;
    private String stranger;
    private String acme;
    private String other;
    private String readable;

    @BeforeEach
    void aPrivateAndAReadableTenant() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        member = "jane-" + suffix;
        intruder = "mallory-" + suffix;
        stranger = "bob-" + suffix;
        acme = "acme-" + suffix;
        other = "other-" + suffix;
        readable = "open-" + suffix;
        app.newAccount(member);
        app.newAccount(intruder);
        app.newAccount(stranger);
        assertEquals(201, app.createTenant(acme, "Acme").status());
        assertEquals(201, app.createTenant(other, "Other").status());
        assertEquals(201, app.onPublic("POST", "/api/tenants", "{\"label\":\"" + readable
                + "\",\"name\":\"Open\",\"publiclyReadable\":true}").status());
        app.bringIn(Tenantry.host(acme), member);
        app.bringIn(Tenantry.host(acme), intruder);
    }

    @Test
    void aSignedInPersonOpeningAnyTenantAddressLandsThereWithoutAForm() {
        WebSession jane = signedIn(member);

        Page arrived = jane.follow(jane.get(url(acme, "/plans.xhtml?from=mail")));

        assertEquals(200, arrived.status(), arrived.body());
        assertEquals(url(acme, "/plans.xhtml?from=mail"), arrived.url());
        assertTrue(arrived.body().contains("profile-link\">" + member), "signed in on the tenant's host");
    }

    @Test
    void theStateCookieIsTheTenantHostsOwnShortLivedAndHttpOnly() {
        WebSession jane = signedIn(member);
        Page asked = jane.get(url(acme, "/plans.xhtml"));

        assertEquals(302, asked.status());
        assertTrue(jane.kept(asked.location()).startsWith(url("public", "/go/" + acme + "?")), asked.location());
        String cookie = asked.setCookies().stream().filter(c -> c.startsWith("tenantry-handoff-")).findFirst()
                .orElseThrow(() -> new AssertionError("no state cookie: " + asked.setCookies()));
        String lower = cookie.toLowerCase();
        assertTrue(lower.contains("httponly") && lower.contains("samesite=lax") && lower.contains("max-age="), cookie);
        assertFalse(lower.contains("domain="), "host-only: " + cookie);
        assertFalse(lower.contains("secure"), "plain http here: " + cookie);
    }

    @Test
    void aStrangerOpeningATenantAddressIsToldHeIsNotAMember() {
        WebSession bob = signedIn(stranger);

        Page refused = bob.follow(bob.get(url(acme, "/plans.xhtml")));

        assertEquals(403, refused.status());
        assertTrue(refused.body().contains("not a member of Acme"), refused.body());
        assertFalse(refused.body().contains(member), "a private tenant's members stay unnamed to strangers");
    }

    @Test
    void aCodeMadeForAnotherBrowserIsRefused() {
        WebSession mallory = signedIn(intruder);
        String link = codeLink(mallory, url(acme, "/"));

        WebSession fresh = new WebSession(app.server());
        Page refused = fresh.get(link);
        assertEquals(400, refused.status(), "no state cookie in this browser");
        assertTrue(refused.body().contains("another browser"), refused.body());
        assertEquals(302, fresh.get(url(acme, "/plans.xhtml")).status(), "no session was opened");
        assertEquals(400, mallory.get(link).status(), "a code that reached another browser is void for everyone");

        WebSession jane = signedIn(member);
        assertEquals(302, jane.get(url(acme, "/plans.xhtml")).status(), "jane's own hand-off begun: a state cookie");
        Page alsoRefused = jane.get(codeLink(mallory, url(acme, "/")));
        assertEquals(400, alsoRefused.status(), "a code bound to another browser's state");
        Page janes = jane.follow(jane.get(url(acme, "/")));
        assertTrue(janes.body().contains("profile-link\">" + member), "jane is herself here, never mallory");
    }

    @Test
    void aCodeWorksOnceAndOnlyOnItsTenant() {
        WebSession jane = signedIn(member);
        String link = codeLink(jane, url(acme, "/"));
        String state = URI.create(link).getRawQuery().replaceAll(".*state=([^&]*).*", "$1");
        String cookie = "tenantry-handoff-" + state.substring(0, 12);

        WebSession elsewhere = new WebSession(app.server());
        elsewhere.setCookie(Tenantry.host(other), cookie, jane.cookie(Tenantry.host(acme), cookie));
        assertEquals(400, elsewhere.get(link.replace(Tenantry.host(acme), Tenantry.host(other))).status());

        assertEquals(302, jane.get(link).status(), "the first use opens the session");
        Page again = jane.get(link);
        assertEquals(400, again.status(), "used already");
    }

    @Test
    void theWayBackNeverLeavesTheTenantsHost() {
        WebSession jane = signedIn(member);
        for (String next : List.of("https://evil.example/", "//evil.example/", "/\\evil.example/", "/\t/evil.example/",
                "http://" + Tenantry.host(other) + "/", "javascript:alert(1)")) {
            String asked = URLEncoder.encode(next, StandardCharsets.UTF_8);
            Page throughTenant = jane.follow(jane.get(url(acme, "/auth/signin?next=" + asked)));
            assertEquals(url(acme, "/"), throughTenant.url(), next);
            Page throughPublic = jane.follow(jane.get(url("public", "/go/" + acme + "?next=" + asked)));
            assertEquals(url(acme, "/"), throughPublic.url(), next);
        }
        WebSession fresh = signedIn(member);
        String link = codeLink(fresh, url(acme, "/plans.xhtml"));
        Page back = fresh.get(link + "&next=" + URLEncoder.encode("https://evil.example/", StandardCharsets.UTF_8));
        assertEquals(302, back.status(), back.body());
        // Relative: a path of the tenant's own host, which the link was opened on (platform.RelativeRedirects).
        assertEquals("/plans.xhtml", back.location(), "the path the code was made for, not one added to the link");
        assertTrue(link.startsWith(url(acme, "/")), link);
    }

    @Test
    void visitorsWhoAreNotSignedInAreNotBouncedAround() {
        WebSession anonymous = new WebSession(app.server());
        Page reading = anonymous.get(url(readable, "/plans.xhtml"));
        assertEquals(200, reading.status(), "a publicly readable tenant is read where it is");
        assertEquals(200, anonymous.get(url(readable, "/")).status());

        Page form = anonymous.follow(anonymous.get(url(acme, "/plans.xhtml")));
        assertEquals(200, form.status());
        assertTrue(form.url().startsWith(url("public", "/signin.xhtml")), "one sign-in form, no loop: " + form.url());
        assertTrue(form.url().contains(URLEncoder.encode(Tenantry.host(acme), StandardCharsets.UTF_8))
                && form.url().endsWith("%2Fplans.xhtml") && !form.url().contains("state"),
                "after signing in, the address asked for (not a hand-off whose state may expire): " + form.url());

        Page submitted = anonymous.submit(form, "signin", Map.of("signin:username", member,
                "signin:password", Tenantry.PASSWORD_OF_NEW_ACCOUNTS), "signin:submit");
        Page arrived = anonymous.follow(submitted);
        assertEquals(url(acme, "/plans.xhtml"), arrived.url());
        assertTrue(arrived.body().contains("profile-link\">" + member), arrived.body());
    }

    private WebSession signedIn(String username) {
        WebSession browser = new WebSession(app.server());
        Page form = browser.get(url("public", "/signin.xhtml"));
        Page submitted = browser.submit(form, "signin", Map.of("signin:username", username,
                "signin:password", Tenantry.PASSWORD_OF_NEW_ACCOUNTS), "signin:submit");
        assertEquals(302, submitted.status(), submitted.body());
        browser.follow(submitted);
        return browser;
    }

    /** Follows the hand-off from a tenant address up to the tenant host's code link, which it answers unopened. */
    private static String codeLink(WebSession browser, String address) {
        Page current = browser.get(address);
        for (int hops = 0; hops < 6 && current.status() / 100 == 3; hops++) {
            String next = URI.create(current.url()).resolve(current.location()).toString();
            if (next.contains("/auth/handoff")) {
                return browser.kept(next);
            }
            current = browser.get(next);
        }
        throw new AssertionError("No hand-off code on the way from " + address + ": " + current.url());
    }
}
