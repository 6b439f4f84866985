package io.tenantry.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tenantry.testing.DeployedTenantry;
import io.tenantry.testing.WebSession;
import io.tenantry.testing.WebSession.Page;

/**
 * What a browser (or a script) sends wrong to a page is answered 400 with a page saying so, never
 * the server's 500: a view state no page knows (an old bookmark, a session that ended, a forgery),
 * a form posted without the nonce its page carried.
 */
class FacesFaultsIT extends DeployedTenantry {

    @Test
    void aViewStateNoPageKnowsIsAClientsFault() {
        WebSession browser = new WebSession(app.server());

        Page stale = browser.get(WebSession.url("public", "/signin.xhtml?jakarta.faces.ViewState=zzz"));

        assertEquals(400, stale.status(), stale.body());
        assertTrue(stale.body().contains("expired"), "the page says the form had expired: " + stale.body());
    }

    @Test
    void aFormPostedWithoutItsNonceIsAClientsFault() {
        WebSession browser = new WebSession(app.server());
        Page signIn = browser.get(WebSession.url("public", "/signin.xhtml"));

        Page forged = browser.submit(signIn, "signin", Map.of("signin:username", "nobody",
                "signin:password", "nothing", "primefaces.nonce", "not-the-pages"), "signin:submit");

        assertEquals(400, forged.status(), forged.body());
    }
}
