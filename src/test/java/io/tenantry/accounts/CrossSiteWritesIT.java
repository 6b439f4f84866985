package io.tenantry.accounts;

import static io.tenantry.testing.WebSession.url;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.tenantry.testing.DeployedTenantry;
import io.tenantry.testing.Tenantry;
import io.tenantry.testing.WebSession;
import io.tenantry.testing.WebSession.Page;

/**
 * Every tenant host is one site for SameSite, so a page on another tenant's host (or anywhere)
 * could make the browser send a write with its session cookie. Writes authenticated by the cookie
 * are accepted only from a page of the same host; bearer tokens are unaffected; signing out takes
 * the session's own token.
 */
class CrossSiteWritesIT extends DeployedTenantry {

    private static final String EVIL = "http://evil." + Tenantry.DOMAIN;

    private String acme;
    private String other;
    private String member;
    private long product;
    private long caseId;
    private WebSession browser;

    @BeforeEach
    void aMemberWithASessionOnAcme() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        acme = "acme-" + suffix;
        other = "other-" + suffix;
        member = "jane-" + suffix;
        app.newAccount(member);
        assertEquals(201, app.createTenant(acme, "Acme").status());
        assertEquals(201, app.createTenant(other, "Other").status());
        app.bringIn(Tenantry.host(acme), member);
        product = app.post(Tenantry.host(acme), "/api/products", "{\"name\":\"Kept\"}").json().asJsonObject()
                .getJsonNumber("id").longValue();
        caseId = app.post(Tenantry.host(acme), "/api/cases", "{\"productId\":" + product + ",\"summary\":\"Case\"}")
                .json().asJsonObject().getJsonNumber("id").longValue();
        browser = new WebSession(app.server());
        Page signedIn = browser.submit(browser.follow(browser.get(url(acme, "/"))), "signin",
                Map.of("signin:username", member, "signin:password", Tenantry.PASSWORD_OF_NEW_ACCOUNTS),
                "signin:submit");
        assertEquals(url(acme, "/"), browser.follow(signedIn).url());
    }

    /** Where a write comes from, as the browser tells it. */
    private record From(String what, Map<String, String> headers) {
    }

    @Test
    void cookieWritesFromAnyOtherPageAreRefusedAndChangeNothing() {
        List<From> elsewhere = List.of(
                new From("another site", Map.of("Origin", EVIL, "Sec-Fetch-Site", "cross-site")),
                new From("another tenant", Map.of("Origin", "http://" + Tenantry.host(other), "Sec-Fetch-Site",
                        "same-site")),
                new From("another tenant, by Origin alone", Map.of("Origin", "http://" + Tenantry.host(other),
                        "Sec-Fetch-Site", "")),
                new From("another tenant, by Sec-Fetch-Site alone", Map.of("Origin", "", "Sec-Fetch-Site",
                        "same-site")),
                new From("nowhere said", Map.of("Origin", "", "Sec-Fetch-Site", "")),
                new From("an opaque origin", Map.of("Origin", "null", "Sec-Fetch-Site", "cross-site")));
        List<String> wrong = new ArrayList<>();
        for (From from : elsewhere) {
            List<Page> answers = List.of(
                    send("POST", "/api/cases/" + caseId + "/attachments?name=forged.txt", "text/plain", "forged",
                            from),
                    send("POST", "/api/products", "application/json", "{\"name\":\"Forged\"}", from),
                    send("PUT", "/api/products/" + product, "application/json", "{\"name\":\"Forged\"}", from),
                    send("DELETE", "/api/products/" + product, null, "", from));
            for (Page answer : answers) {
                if (answer.status() != 403 || !answer.body().contains("another site")) {
                    wrong.add(from.what() + ": " + answer.url() + " answered " + answer.status() + " " + answer.body());
                }
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
        String products = app.get(Tenantry.host(acme), "/api/products").body();
        assertTrue(products.contains("\"Kept\"") && !products.contains("Forged"), products);
        assertEquals(0, app.get(Tenantry.host(acme), "/api/cases/" + caseId + "/attachments").json().asJsonObject()
                .getInt("total"));
    }

    @Test
    void refusalsSpeakTheReadersLanguage() {
        Page german = send("POST", "/api/products", "application/json", "{\"name\":\"Forged\"}",
                new From("another site", Map.of("Origin", EVIL, "Accept-Language", "de")));
        assertEquals(403, german.status());
        assertTrue(german.body().contains("anderen Website"), german.body());
    }

    @Test
    void writesFromTheSameHostAndWithBearerTokensWork() {
        assertEquals(201, send("POST", "/api/products", "application/json", "{\"name\":\"By origin\"}",
                new From("this host", Map.of("Sec-Fetch-Site", ""))).status());
        assertEquals(201, send("POST", "/api/products", "application/json", "{\"name\":\"By fetch metadata\"}",
                new From("this host", Map.of("Origin", ""))).status());
        assertEquals(201, send("POST", "/api/cases/" + caseId + "/attachments?name=log.txt", "text/plain", "log",
                new From("this host", Map.of())).status());
        Tenantry.Reply bearer = app.post(Tenantry.host(acme), "/api/products", "{\"name\":\"By token\"}");
        assertEquals(201, bearer.status(), "a program without Origin");
        String token = app.authorizationHeader();
        Page scripted = browser.send(url(acme, "/api/products"), "POST", "application/json",
                "{\"name\":\"Token from a page\"}", Map.of("Origin", EVIL, "Sec-Fetch-Site", "cross-site",
                        "Authorization", token));
        assertEquals(201, scripted.status(), "a bearer token is not ambient: " + scripted.body());
    }

    @Test
    void thePasswordABrowserKeptAfterItsPromptIsNoPassFromAnotherSite() {
        String basic = "Basic " + Base64.getEncoder().encodeToString((member + ":" + Tenantry.PASSWORD_OF_NEW_ACCOUNTS)
                .getBytes(StandardCharsets.UTF_8));
        Page forged = new WebSession(app.server()).send(url(acme, "/api/cases/" + caseId + "/attachments?name=x.txt"),
                "POST", "text/plain", "forged", Map.of("Origin", EVIL, "Sec-Fetch-Site", "cross-site",
                        "Authorization", basic));
        assertEquals(403, forged.status(), "a browser adds Basic by itself once a person answered its prompt");
        assertEquals(0, app.get(Tenantry.host(acme), "/api/cases/" + caseId + "/attachments").json().asJsonObject()
                .getInt("total"));
        assertEquals(201, app.basic(member, Tenantry.PASSWORD_OF_NEW_ACCOUNTS).post(Tenantry.host(acme),
                "/api/products", "{\"name\":\"By a program\"}").status(), "a program saying nothing of origins");
    }

    @Test
    void aFormSubmittedAsAGetFromAnotherSiteIsRefusedToo() {
        Matcher state = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"")
                .matcher(browser.get(url(acme, "/cases.xhtml")).body());
        assertTrue(state.find(), "the page has a view state");
        Page forged = browser.send(url(acme, "/cases.xhtml?jakarta.faces.ViewState="
                + URLEncoder.encode(state.group(1), StandardCharsets.UTF_8)), "GET", null, "",
                Map.of("Origin", "", "Sec-Fetch-Site", "cross-site"));
        assertEquals(403, forged.status(), "Faces runs a form's actions from a GET with a view state");
    }

    @Test
    void aHandOffLinkMadeBySomeoneElseDoesNotReplaceTheSessionOfThisBrowser() {
        String mallory = "mallory-" + member;
        app.newAccount(mallory);
        app.bringIn(Tenantry.host(acme), mallory);
        WebSession attacker = new WebSession(app.server());
        attacker.follow(attacker.submit(attacker.get(url("public", "/signin.xhtml")), "signin", Map.of("signin:username",
                mallory, "signin:password", Tenantry.PASSWORD_OF_NEW_ACCOUNTS), "signin:submit"));
        String link = attacker.get(url("public", "/go/" + acme)).location();
        assertTrue(link.contains("/auth/handoff?token="), link);

        Page refused = browser.get(link);
        assertEquals(409, refused.status(), refused.body());
        assertTrue(browser.get(url(acme, "/")).body().contains("profile-link\">" + member), "still " + member);
    }

    @Test
    void signingInFromAnotherSiteIsRefused() {
        WebSession victim = new WebSession(app.server());
        Page form = victim.get(url("public", "/signin.xhtml"));
        Page forged = victim.submit(form, "signin", Map.of("signin:username", member, "signin:password",
                Tenantry.PASSWORD_OF_NEW_ACCOUNTS), "signin:submit", Map.of("Origin", "http://" + Tenantry.host(other),
                "Sec-Fetch-Site", "same-site"));
        assertEquals(403, forged.status(), forged.body());
        assertEquals(302, victim.get(url("public", "/profile.xhtml")).status(), "not signed in");
    }

    @Test
    void signingOutTakesTheSessionsOwnToken() {
        Page home = browser.get(url(acme, "/"));
        Page withoutToken = browser.post(url(acme, "/signout"));
        assertEquals(403, withoutToken.status(), withoutToken.body());
        assertEquals(200, browser.get(url(acme, "/")).status(), "still signed in on acme");
        assertEquals(200, browser.get(url("public", "/profile.xhtml")).status(), "and on the public host");
        Page otherToken = browser.submit(home, "sign-out-form", Map.of("token", "not-the-token"), "sign-out");
        assertEquals(403, otherToken.status(), otherToken.body());

        Page out = browser.submit(home, "sign-out-form", Map.of(), "sign-out");
        assertEquals(302, out.status(), out.body());
        assertEquals(302, browser.get(url(acme, "/")).status(), "signed out on acme");
        assertEquals(302, browser.get(url("public", "/profile.xhtml")).status(), "and everywhere");
    }

    private Page send(String method, String path, String contentType, String body, From from) {
        return browser.send(url(acme, path), method, contentType, body, from.headers());
    }
}
