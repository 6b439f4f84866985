package io.tenantry.accounts;

import static io.tenantry.testing.WebSession.url;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import io.tenantry.testing.DeployedTenantry;
import io.tenantry.testing.Tenantry;
import io.tenantry.testing.TestMail;
import io.tenantry.testing.WebSession;
import io.tenantry.testing.WebSession.Page;

/**
 * A tenant's host serves pages a stranger wrote, so a session there acts only within that tenant:
 * the account (tokens, password, e-mail) and the platform are managed on the public host, with the
 * password typed again for what gives the account away. {@code /go/<label>} hands a session only to
 * tenants the person may enter.
 */
@Order(1) // among the longest: started first, so that it does not end the run alone (junit-platform.properties)
class AccountWidePowersIT extends DeployedTenantry {

    private static final String ACCOUNT_WIDE = "only within that tenant";

    private String suffix;
    private String acme;
    private String owner;
    private WebSession browser;

    @BeforeEach
    void theSuperUserIsATesterOfAcme() {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        acme = "acme-" + suffix;
        owner = "owner-" + suffix;
        Tenantry owning = app.newAccount(owner);
        assertEquals(201, app.createTenant(acme, "Acme", owner).status());
        owning.bringIn(Tenantry.host(acme), Tenantry.ADMIN);
        browser = new WebSession(app.server());
    }

    /** Method, path, body (null: none), and the answer a session on acme's host gets, saying why. */
    private record Attempt(String method, String path, String body, int status, String why) {

        Attempt(String method, String path, String body, int status) {
            this(method, path, body, status, status == 403 ? ACCOUNT_WIDE : "");
        }
    }

    @Test
    void aSessionOnATenantsHostReachesNothingAccountOrPlatformWide() {
        long kept = tokenId(app.basic(Tenantry.ADMIN, Tenantry.ADMIN_PASSWORD).post(Tenantry.host("public"),
                "/api/me/tokens", "{\"name\":\"kept-" + suffix + "\"}"));
        signIn(Tenantry.ADMIN, Tenantry.ADMIN_PASSWORD);
        Page go = browser.get(url("public", "/go/" + acme));
        assertEquals(302, go.status());
        browser.follow(go);
        assertEquals(200, browser.get(url(acme, "/")).status(), "the super-user has a session on acme's host");

        List<Attempt> attempts = List.of(
                new Attempt("GET", "/api/me/tokens", null, 403),
                new Attempt("POST", "/api/me/tokens", "{\"name\":\"minted-" + suffix + "\",\"password\":\""
                        + Tenantry.ADMIN_PASSWORD + "\"}", 403),
                new Attempt("DELETE", "/api/me/tokens/" + kept, null, 403),
                new Attempt("PUT", "/api/settings", "{\"name\":\"Taken over\"}", 403, "You may not"),
                new Attempt("GET", "/api/tenants", null, 404),
                new Attempt("POST", "/api/tenants", "{\"label\":\"made-" + suffix + "\",\"name\":\"Made\"}", 404),
                new Attempt("DELETE", "/api/tenants/" + acme, null, 404),
                new Attempt("GET", "/api/accounts", null, 404),
                new Attempt("POST", "/api/accounts", "{\"username\":\"made-" + suffix + "\",\"email\":\"made-" + suffix
                        + "@example.com\",\"password\":\"long enough pw\"}", 404),
                new Attempt("DELETE", "/api/accounts/" + owner, null, 404),
                new Attempt("GET", "/api/admin/plans", null, 404),
                new Attempt("POST", "/api/admin/announcements", "{\"message\":\"Hi\",\"severity\":\"INFO\"}", 404),
                new Attempt("GET", "/profile.xhtml", null, 302),
                new Attempt("POST", "/profile.xhtml", "", 302),
                new Attempt("GET", "/new-tenant.xhtml", null, 302),
                new Attempt("GET", "/admin/", null, 404));
        List<String> wrong = new ArrayList<>();
        for (Attempt attempt : attempts) {
            Page answer = browser.send(url(acme, attempt.path()), attempt.method(),
                    attempt.body() == null ? null : attempt.path().endsWith(".xhtml")
                            ? "application/x-www-form-urlencoded" : "application/json",
                    attempt.body() == null ? "" : attempt.body(), Map.of());
            boolean saysWhy = answer.body().contains(attempt.why());
            boolean toPublicHost = attempt.status() != 302 || browser.kept(answer.location()).startsWith(url("public", "/"));
            if (answer.status() != attempt.status() || !saysWhy || !toPublicHost) {
                wrong.add(attempt.method() + " " + attempt.path() + ": expected " + attempt.status() + ", got "
                        + answer.status() + " " + answer.location() + " " + answer.body());
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));

        Tenantry.Reply tokens = app.basic(Tenantry.ADMIN, Tenantry.ADMIN_PASSWORD).get(Tenantry.host("public"),
                "/api/me/tokens");
        assertTrue(tokens.body().contains("kept-" + suffix), "not revoked: " + tokens.body());
        assertFalse(tokens.body().contains("minted-" + suffix), "not minted: " + tokens.body());
        assertEquals("Acme", app.get(Tenantry.host(acme), "/api/settings").json().asJsonObject().getString("name"));
        assertEquals(404, app.get(Tenantry.host("public"), "/api/tenants/made-" + suffix).status());
    }

    @Test
    void onThePublicHostTheSameSessionManagesTokensWithThePasswordTypedAgain() {
        signIn(Tenantry.ADMIN, Tenantry.ADMIN_PASSWORD);
        String tokens = url("public", "/api/me/tokens");

        assertEquals(200, browser.send(tokens, "GET", null, "", Map.of()).status());
        Page withoutPassword = browser.send(tokens, "POST", "application/json", "{\"name\":\"no-" + suffix + "\"}",
                Map.of());
        assertEquals(403, withoutPassword.status(), withoutPassword.body());
        assertTrue(withoutPassword.body().contains("password"), withoutPassword.body());
        Page wrongPassword = browser.send(tokens, "POST", "application/json", "{\"name\":\"no-" + suffix
                + "\",\"password\":\"not it\"}", Map.of());
        assertEquals(400, wrongPassword.status(), wrongPassword.body());
        Page made = browser.send(tokens, "POST", "application/json", "{\"name\":\"yes-" + suffix
                + "\",\"password\":\"" + Tenantry.ADMIN_PASSWORD + "\"}", Map.of());
        assertEquals(201, made.status(), made.body());
        long id = tokenId(new Tenantry.Reply(made.status(), made.body(), "", ""));
        assertEquals(204, browser.send(tokens + "/" + id, "DELETE", null, "", Map.of()).status(),
                "revoking takes nothing more: it only takes power away");
        String left = browser.send(tokens, "GET", null, "", Map.of()).body();
        assertFalse(left.contains("no-" + suffix) || left.contains("yes-" + suffix), left);
    }

    @Test
    void theProfilePageAsksForThePasswordToMakeATokenOrChangeTheAddress() {
        signIn(owner, Tenantry.PASSWORD_OF_NEW_ACCOUNTS);
        Page profile = browser.get(url("public", "/profile.xhtml"));

        Page refused = browser.submit(profile, "tokens", Map.of("tokens:tokenName", "cli",
                "tokens:password", "not the password"), "tokens:create");
        assertFalse(refused.body().contains("issued-token"), "no token without the password");
        Page issued = browser.submit(refused, "tokens", Map.of("tokens:tokenName", "cli",
                "tokens:password", Tenantry.PASSWORD_OF_NEW_ACCOUNTS), "tokens:create");
        assertTrue(issued.body().contains("issued-token"), issued.body());

        String moved = "moved-" + suffix + "@example.com";
        Page kept = browser.submit(issued, "details", Map.of("details:email", moved, "details:displayName", "Jo",
                "details:password", "not the password"), "details:save");
        assertTrue(kept.body().contains("The current password is not right."), kept.body());
        assertTrue(adminView(owner).contains(owner + "@example.com"), "the address is kept");
        Page saved = browser.submit(kept, "details", Map.of("details:email", moved, "details:displayName", "Jo",
                "details:password", Tenantry.PASSWORD_OF_NEW_ACCOUNTS), "details:save");
        assertTrue(saved.body().contains("A link has been sent to " + moved), saved.body());
        Page renamed = browser.submit(saved, "details", Map.of("details:email", owner + "@example.com",
                "details:displayName", "Joe"), "details:save");
        assertTrue(renamed.body().contains("Your profile has been saved"), "the name alone needs no password");
    }

    @Test
    void aNewAddressTakesEffectOnlyWhenTheLinkMailedToItConfirmsIt() {
        signIn(owner, Tenantry.PASSWORD_OF_NEW_ACCOUNTS);
        String old = owner + "@example.com";
        String claimed = "colleague-" + suffix + "@example.com";
        TestMail.Received link = TestMail.nextMailTo(claimed, "/confirm-email.xhtml?token=", () -> {
            Page asked = browser.submit(browser.get(url("public", "/profile.xhtml")), "details", Map.of(
                    "details:email", claimed, "details:displayName", "", "details:password",
                    Tenantry.PASSWORD_OF_NEW_ACCOUNTS), "details:save");
            assertTrue(asked.body().contains("A link has been sent to " + claimed), asked.body());
        });
        assertTrue(adminView(owner).contains(old), "the old address stays until the new one confirms: "
                + adminView(owner));
        assertTrue(TestMail.awaitMailTo(old).body().contains(claimed), "the old address is told");
        assertEquals(200, app.basic(old, Tenantry.PASSWORD_OF_NEW_ACCOUNTS).get(Tenantry.host("public"), "/api/me")
                .status(), "signing in with the old address still works");

        WebSession reader = new WebSession(app.server());
        Page confirm = reader.get(url("public", "/confirm-email.xhtml?token=" + link.token()));
        assertTrue(adminView(owner).contains(old), "opening the link confirms nothing: a button does");
        Page confirmed = reader.submit(confirm, "confirm", Map.of(), "confirm:submit");
        assertTrue(confirmed.body().contains("is now " + claimed), confirmed.body());
        assertTrue(adminView(owner).contains(claimed), adminView(owner));
        jakarta.json.JsonObject recorded = app.platformEntry(owner, "account.email-changed", owner);
        assertEquals(old, recorded.getJsonObject("before").getString("email"), recorded.toString());
        assertEquals(claimed, recorded.getJsonObject("after").getString("email"), recorded.toString());
        Page again = reader.get(url("public", "/confirm-email.xhtml?token=" + link.token()));
        assertTrue(again.body().contains("already been used"), "said as the page opens: " + again.body());
    }

    @Test
    void confirmingChecksAgainThatTheAddressIsStillFree() {
        signIn(owner, Tenantry.PASSWORD_OF_NEW_ACCOUNTS);
        String wanted = "wanted-" + suffix + "@example.com";
        TestMail.Received link = TestMail.nextMailTo(wanted, "/confirm-email.xhtml?token=", () -> browser.submit(browser.get(url("public",
                "/profile.xhtml")), "details", Map.of("details:email", wanted, "details:displayName", "",
                "details:password", Tenantry.PASSWORD_OF_NEW_ACCOUNTS), "details:save"));
        assertEquals(201, app.post(Tenantry.host("public"), "/api/accounts", "{\"username\":\"taker-" + suffix
                + "\",\"email\":\"" + wanted + "\",\"password\":\"long enough pw\"}").status(),
                "a super-user sets an address directly");

        WebSession reader = new WebSession(app.server());
        Page refused = reader.submit(reader.get(url("public", "/confirm-email.xhtml?token=" + link.token())), "confirm", Map.of(),
                "confirm:submit");
        assertTrue(refused.body().contains("belongs to another account"), refused.body());
        assertTrue(adminView(owner).contains(owner + "@example.com"), adminView(owner));
    }

    @Test
    void aBearerTokenCannotMintATokenButThePasswordCan() {
        Tenantry.Reply minted = app.post(Tenantry.host("public"), "/api/me/tokens", "{\"name\":\"minted\"}");
        assertEquals(403, minted.status(), minted.body());
        assertTrue(minted.body().contains("password"), minted.body());
        assertEquals(201, app.basic(Tenantry.ADMIN, Tenantry.ADMIN_PASSWORD).post(Tenantry.host("public"),
                "/api/me/tokens", "{\"name\":\"basic\"}").status());
        assertEquals(200, app.get(Tenantry.host("public"), "/api/me/tokens").status(), "listing stays open to tokens");
    }

    @Test
    void goingToATenantHandsASessionOnlyToThoseWhoMayEnter() {
        String stranger = "bob-" + suffix;
        String readable = "open-" + suffix;
        app.newAccount(stranger);
        assertEquals(201, app.onPublic("POST", "/api/tenants", "{\"label\":\"" + readable + "\",\"name\":\"Open\","
                + "\"owner\":\"" + owner + "\",\"publiclyReadable\":true}").status());
        signIn(stranger, Tenantry.PASSWORD_OF_NEW_ACCOUNTS);

        Page refused = browser.get(url("public", "/go/" + acme + "?next=/"));
        assertEquals(403, refused.status(), refused.location());
        assertTrue(refused.body().contains("You are not a member of Acme"), refused.body());
        assertEquals(302, browser.get(url(acme, "/")).status(), "no session on acme's host: sent to sign in");

        Page open = browser.get(url("public", "/go/" + readable + "?next=/cases.xhtml"));
        assertEquals(302, open.status(), open.body());
        assertEquals(url(readable, "/cases.xhtml"), browser.kept(open.location()), "straight there, no hand-off");
        Page read = browser.follow(open);
        assertEquals(200, read.status());
        assertTrue(read.body().contains("read-only-banner") && !read.body().contains("profile-link"),
                "read-only, without a session: " + read.body());
        assertEquals(401, browser.send(url(readable, "/api/me"), "GET", null, "", Map.of()).status(),
                "nobody is signed in there");

        WebSession member = new WebSession(app.server());
        browser = member;
        signIn(owner, Tenantry.PASSWORD_OF_NEW_ACCOUNTS);
        Page handOff = browser.get(url("public", "/go/" + acme + "?next=/"));
        assertEquals(url(acme, "/auth/signin?next=%2F"), browser.kept(handOff.location()),
                "to the tenant host, which asks for a code bound to this browser");
        Page inside = browser.follow(handOff);
        assertTrue(inside.body().contains("profile-link\">" + owner), "a member enters as before");
    }

    private String adminView(String username) {
        return app.get(Tenantry.host("public"), "/api/accounts/" + username).body();
    }

    private static long tokenId(Tenantry.Reply issued) {
        assertEquals(201, issued.status(), issued.body());
        return issued.json().asJsonObject().getJsonNumber("id").longValue();
    }

    private void signIn(String username, String password) {
        Page form = browser.get(url("public", "/signin.xhtml"));
        Page submitted = browser.submit(form, "signin", Map.of("signin:username", username, "signin:password",
                password), "signin:submit");
        assertEquals(302, submitted.status(), "signed in: " + submitted.body());
        browser.follow(submitted);
    }
}
