package io.tenantry.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.tenantry.testing.DeployedTenantry;
import io.tenantry.testing.Tenantry;
import io.tenantry.testing.WebSession;
import io.tenantry.testing.WebSession.Page;

/**
 * What a browser (or a script) sends wrong to a page is never the server's 500: a view state no page
 * knows (an old bookmark, a session that ended, a forgery) opens the page afresh saying it had
 * expired; a form posted without the nonce its page carried is a 400.
 */
class FacesFaultsIT extends DeployedTenantry {

    @Test
    void aViewStateNoPageKnowsOpensThePageAfreshSayingItHadExpired() {
        WebSession browser = new WebSession(app.server());

        Page stale = browser.get(WebSession.url("public", "/signin.xhtml?next=%2Fprofile.xhtml&jakarta.faces.ViewState=zzz"));

        assertEquals(302, stale.status(), stale.body());
        assertTrue(stale.location().endsWith("/signin.xhtml?next=%2Fprofile.xhtml"),
                "the same page, its own parameters kept and Faces' dropped: " + stale.location());
        Page fresh = browser.follow(stale);
        assertEquals(200, fresh.status(), fresh.body());
        assertTrue(fresh.body().contains("The page had expired"), "it says why: " + fresh.body());
    }

    @Test
    void anExpiredViewsFreshAddressStaysOnItsHost() throws Exception {
        // Sent by hand: WebSession resolves its path against the server, which would read "//x" as a host.
        URI server = app.server();
        HttpResponse<String> stale = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.getScheme()
                + "://" + server.getRawAuthority() + "//evil.example/../signin.xhtml?jakarta.faces.ViewState=zzz"))
                .header("Host", Tenantry.host("public")).header("Accept", "text/html").GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(302, stale.statusCode(), stale.body());
        String location = stale.headers().firstValue("Location").orElseThrow();
        assertEquals(Tenantry.host("public"), URI.create("http://" + Tenantry.host("public") + "/").resolve(location).getHost(),
                "a path starting // is another host to a browser: " + location);
    }

    @Test
    void aViewStateNamedInPercentEscapesIsDroppedToo() {
        WebSession browser = new WebSession(app.server());

        Page stale = browser.get(WebSession.url("public", "/signin.xhtml?jakarta%2Efaces.ViewState=zzz&next=%2F"));

        assertEquals(302, stale.status(), stale.body());
        assertFalse(stale.location().contains("ViewState"), "kept, it would redirect for ever: " + stale.location());
        assertEquals(200, browser.follow(stale).status());
    }

    @Test
    void aFormPostedWithoutItsNonceIsAClientsFault() {
        WebSession browser = signedInBrowser();
        Page profile = browser.get(WebSession.url("public", "/profile.xhtml"));
        assertEquals(200, profile.status(), profile.body());

        Page forged = browser.submit(profile, "details", Map.of("primefaces.nonce", "not-the-pages",
                "details:displayName", "Forged Name"), "details:save");

        assertEquals(400, forged.status(), forged.body());
        assertFalse(browser.get(WebSession.url("public", "/profile.xhtml")).body().contains("Forged Name"),
                "a form refused is not saved either");
    }

    @Test
    void anAjaxFormPostedWithoutItsNonceChangesNothingAndIsNoServerFault() {
        WebSession browser = signedInBrowser();
        Page profile = browser.get(WebSession.url("public", "/profile.xhtml"));

        Page forged = browser.submit(profile, "details", Map.of("primefaces.nonce", "not-the-pages",
                "details:displayName", "Forged Name", "jakarta.faces.partial.ajax", "true",
                "jakarta.faces.source", "details:save", "jakarta.faces.partial.execute", "@all",
                "jakarta.faces.partial.render", "@all"), "details:save", Map.of("Faces-Request", "partial/ajax"));

        assertTrue(forged.status() < 500, forged.status() + ": " + forged.body());
        assertFalse(browser.get(WebSession.url("public", "/profile.xhtml")).body().contains("Forged Name"),
                "a form refused is not saved either");
    }

    /** A browser signed in as a new account of its own, on the public host. */
    private WebSession signedInBrowser() {
        String someone = "nonce-" + UUID.randomUUID().toString().substring(0, 8);
        app.newAccount(someone);
        WebSession browser = new WebSession(app.server());
        browser.follow(browser.submit(browser.get(WebSession.url("public", "/signin.xhtml")), "signin",
                Map.of("signin:username", someone, "signin:password", Tenantry.PASSWORD_OF_NEW_ACCOUNTS),
                "signin:submit"));
        return browser;
    }
}
