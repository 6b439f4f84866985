package io.tenantry.web;

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
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;

import io.tenantry.testing.Browser;
import io.tenantry.testing.DeployedTenantry;
import io.tenantry.testing.Tenantry;
import io.tenantry.testing.WebSession;

/**
 * In Chromium: a signed-in member opens a tenant's address directly (as from a mail) and lands on it
 * without a form; a code made in someone else's browser and an address leading elsewhere get
 * nowhere; and each kind of refusal, in English and German, says what is true and the way forward.
 * Screenshots in target/screenshots/ ({@code direct-link-*}, {@code refusal-*}).
 */
class SignInAndRefusalsBrowserIT extends DeployedTenantry {

    private String tester;
    private String intruder;
    private String acme;
    private String closed;
    private String readable;
    private String suffix;

    @BeforeEach
    void tenantsAndPeople() {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        tester = "tess-" + suffix;
        intruder = "mallory-" + suffix;
        acme = "acme-" + suffix;
        closed = "closed-" + suffix;
        readable = "open-" + suffix;
        app.newAccount(tester);
        app.newAccount(intruder);
        assertEquals(201, app.createTenant(acme, "Acme Rockets").status());
        assertEquals(201, app.createTenant(closed, "Closed Circle").status());
        assertEquals(201, app.onPublic("POST", "/api/tenants", "{\"label\":\"" + readable
                + "\",\"name\":\"Open Rockets\",\"publiclyReadable\":true}").status());
        app.bringIn(Tenantry.host(acme), tester);
        app.bringIn(Tenantry.host(acme), intruder);
    }

    @Test
    void aMailLinkOpensTheTenantForASignedInMemberAndNothingElseDoes() {
        try (Browser browser = Browser.open(port())) {
            browser.signIn(tester, Tenantry.PASSWORD_OF_NEW_ACCOUNTS);
            browser.screenshot("direct-link-1-signed-in-on-the-public-host");

            browser.driver().get(browser.address(acme, "/plans.xhtml"));
            browser.waitFor(By.id("profile-link"));
            assertEquals(browser.address(acme, "/plans.xhtml"), browser.driver().getCurrentUrl());
            assertEquals(tester, browser.find(By.id("profile-link")).getText());
            browser.screenshot("direct-link-2-landed-without-a-form");

            browser.driver().get(browser.address(acme, "/auth/signin?next="
                    + URLEncoder.encode("https://evil.example/", StandardCharsets.UTF_8)));
            browser.waitFor(By.id("profile-link"));
            assertEquals(browser.address(acme, "/"), browser.driver().getCurrentUrl(), "never off the tenant's host");

            browser.driver().get(browser.address(closed, "/plans.xhtml"));
            browser.waitForText(By.tagName("h1"), "You are not a member of Closed Circle");
            browser.screenshot("direct-link-3-not-a-member");
        }
        try (Browser victim = Browser.open(port())) {
            victim.driver().get(someoneElsesCode());
            victim.waitForText(By.tagName("body"), "another browser");
            victim.screenshot("direct-link-4-someone-elses-code-refused");
            victim.driver().get(victim.address(acme, "/plans.xhtml"));
            victim.waitFor(By.id("signin:username"));
            assertTrue(victim.driver().getCurrentUrl().startsWith(victim.address("public", "/signin.xhtml")),
                    "not signed in as the intruder: " + victim.driver().getCurrentUrl());
        }
    }

    @Test
    void eachRefusalSaysWhatIsTrueAndTheWayForwardInBothLanguages() {
        for (String language : List.of("en", "de")) {
            try (Browser browser = Browser.open(port())) {
                refused(browser, language, readable, "/members.xhtml", "NOT_SIGNED_IN", "refusal-sign-in");
                String nowhere = "nosuch-" + suffix;
                browser.driver().get(browser.address(nowhere, "/"));
                browser.driver().manage().addCookie(new Cookie("lang", language));
                refused(browser, language, nowhere, "/", "NO_SUCH_TENANT", "refusal-public-host");

                browser.signIn(tester, Tenantry.PASSWORD_OF_NEW_ACCOUNTS);
                refused(browser, language, acme, "/groups.xhtml", "MISSING_PERMISSION", "refusal-contacts");
                assertTrue(browser.find(By.id("refusal-permission")).getText().contains(
                        language.equals("de") ? "Gruppen und Rechte verwalten" : "Manage groups and permissions"));
                browser.driver().get(browser.address("public", "/language?to=" + language + "&back=/"));
                refused(browser, language, closed, "/plans.xhtml", "NOT_A_MEMBER", "refusal-your-tenants");
                assertFalse(browser.find(By.id("refusal")).getText().contains(tester + " ("), "no names for strangers");
            }
        }
    }

    private static void refused(Browser browser, String language, String label, String path, String kind,
            String wayForward) {
        if (!label.startsWith("nosuch-")) {
            browser.driver().get(browser.address(label, "/language?to=" + language + "&back=/"));
        }
        browser.driver().get(browser.address(label, path));
        browser.waitFor(By.cssSelector("#refusal[data-kind='" + kind + "']"));
        assertEquals(language, browser.find(By.tagName("html")).getAttribute("lang"));
        assertTrue(browser.find(By.id(wayForward)).isDisplayed(), kind + " shows its way forward");
        assertFalse(browser.find(By.id("refusal")).getText().contains("{"), kind + ": every placeholder filled");
        browser.screenshot("refusal-" + kind.toLowerCase().replace('_', '-') + "-" + language);
    }

    /** A code link the intruder's own session made, as he would send it to someone (HTTP, outside Chromium). */
    private String someoneElsesCode() {
        WebSession mallory = new WebSession(app.server());
        WebSession.Page form = mallory.get(WebSession.url("public", "/signin.xhtml"));
        mallory.follow(mallory.submit(form, "signin", Map.of("signin:username", intruder,
                "signin:password", Tenantry.PASSWORD_OF_NEW_ACCOUNTS), "signin:submit"));
        WebSession.Page current = mallory.get(WebSession.url(acme, "/"));
        for (int hops = 0; hops < 6 && current.status() / 100 == 3; hops++) {
            String next = URI.create(current.url()).resolve(current.location()).toString();
            if (next.contains("/auth/handoff")) {
                URI code = URI.create(next);
                return "http://" + code.getHost() + ":" + port() + code.getRawPath() + "?" + code.getRawQuery();
            }
            current = mallory.get(next);
        }
        throw new AssertionError("No code on the way: " + current.url());
    }
}
