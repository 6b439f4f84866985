package io.tenantry.accounts;

import static io.tenantry.testing.WebSession.url;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import io.tenantry.testing.DeployedTenantry;
import io.tenantry.testing.Tenantry;
import io.tenantry.testing.TestDatabase;
import io.tenantry.testing.TestMail;
import io.tenantry.testing.WebSession.Page;
import io.tenantry.testing.WebSession;

/**
 * Signing in once on the public host and entering tenants through the hand-off; sessions bound
 * to their host; sign-out everywhere; password reset by mail, and what it withdraws; throttling; API tokens.
 */
@Order(1) // among the longest: started first, so that it does not end the run alone (junit-platform.properties)
class SignInIT extends DeployedTenantry {

    private String suffix;
    private String member;
    private WebSession browser;
    // The class's two tenants: no test changes them, so they are made once; each test has its own member.
    private static String acme;
    private static String other;

    @BeforeEach
    void aMemberOfOneTenantOnly() {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        member = "jane-" + suffix;
        if (acme == null) {
            acme = "acme-" + suffix;
            other = "other-" + suffix;
            assertEquals(201, app.createTenant(acme, "Acme").status());
            assertEquals(201, app.createTenant(other, "Other").status());
        }
        app.newAccount(member);
        app.bringIn(Tenantry.host(acme), member);
        browser = new WebSession(app.server());
    }

    @Test
    void signingInOnThePublicHostLeadsIntoTheTenantAskedFor() {
        Page asked = browser.get(url(acme, "/"));
        assertEquals(302, asked.status(), "anonymous: sent to sign in");
        Page signInPage = browser.follow(asked);
        assertTrue(signInPage.url().startsWith(url("public", "/signin.xhtml")), signInPage.url());
        String before = browser.cookie(Tenantry.host("public"), "JSESSIONID");

        Page arrived = browser.follow(signIn(signInPage, member, Tenantry.PASSWORD_OF_NEW_ACCOUNTS));

        assertEquals(200, arrived.status(), arrived.body());
        assertEquals(url(acme, "/"), arrived.url());
        assertTrue(arrived.body().contains("profile-link\">" + member), "signed in on the tenant's host");
        assertNotEquals(before, browser.cookie(Tenantry.host("public"), "JSESSIONID"), "a new session id at sign-in");
        Page home = browser.get(url("public", "/"));
        assertTrue(home.body().contains("/go/" + acme) && !home.body().contains("/go/" + other),
                "my tenants lists the tenants I am authorized on, and only those");
    }

    @Test
    void pagesSpeakTheBrowsersLanguageOrTheOneChosen() throws Exception {
        java.net.http.HttpResponse<String> german = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(app.server().resolve("/signin.xhtml"))
                        .header("Host", Tenantry.host("public")).header("Accept-Language", "de-CH, en;q=0.5").build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertTrue(german.body().contains("Benutzername oder E-Mail"), german.body());

        assertTrue(browser.get(url("public", "/signin.xhtml")).body().contains("User name or e-mail"), "English");
        Page switched = browser.follow(browser.get(url("public", "/language?to=de&back=/signin.xhtml")));
        assertTrue(switched.body().contains("Passwort vergessen?"), switched.body());
        Page elsewhere = browser.get(url("public", "/language?to=xx&back=//evil.example.org/"));
        assertEquals(302, elsewhere.status());
        assertFalse(elsewhere.location().contains("evil"), "the switcher only goes back to our own pages");
    }

    @Test
    void sessionCookiesAreHttpOnlyAndLax() {
        Page page = browser.get(url("public", "/signin.xhtml"));
        String cookie = page.setCookies().stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow();
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.toLowerCase().contains("samesite=lax"), cookie);
        assertFalse(cookie.toLowerCase().contains("domain="), "host-only: " + cookie);
    }

    @Test
    void aSessionCookieReplayedOnAnotherTenantIsRefused() {
        browser.follow(signIn(browser.follow(browser.get(url(acme, "/"))), member, Tenantry.PASSWORD_OF_NEW_ACCOUNTS));
        String acmeSession = browser.cookie(Tenantry.host(acme), "JSESSIONID");
        assertEquals(200, browser.get(url(acme, "/")).status());

        browser.setCookie(Tenantry.host(other), "JSESSIONID", acmeSession);
        Page replayed = browser.get(url(other, "/"));
        assertEquals(302, replayed.status(), "the session is not recognised on another host");
        assertTrue(replayed.location().contains("/go/" + other + "?state="), "asks for a hand-off: " + replayed.location());
        browser.setCookie(Tenantry.host("public"), "JSESSIONID", acmeSession);
        assertEquals(302, browser.get(url("public", "/profile.xhtml")).status(), "nor on the public host");
    }

    @Test
    void signingOutAnywhereEndsTheSessionOnEveryHost() {
        browser.follow(signIn(browser.follow(browser.get(url(acme, "/"))), member, Tenantry.PASSWORD_OF_NEW_ACCOUNTS));
        assertEquals(200, browser.get(url("public", "/profile.xhtml")).status());

        Page out = browser.submit(browser.get(url(acme, "/")), "sign-out-form", Map.of(), "sign-out");
        assertEquals(302, out.status());

        assertEquals(302, browser.get(url("public", "/profile.xhtml")).status(), "the public host's session ended too");
        assertEquals(302, browser.get(url(acme, "/")).status());
    }

    @Test
    void aForgottenPasswordIsResetByAMailedLinkThatWorksOnce() {
        Page forgot = browser.get(url("public", "/forgot-password.xhtml"));
        // The member's invitation came to the same address before: wait for the reset itself.
        TestMail.Received mail = TestMail.nextMailTo(member + "@example.com", "/reset-password.xhtml", () -> {
            Page sent = browser.submit(forgot, "forgot", Map.of("forgot:email", member + "@example.com"),
                    "forgot:submit");
            assertTrue(sent.body().contains("is on its way"), sent.body());
        });
        Page unknown = browser.submit(browser.get(url("public", "/forgot-password.xhtml")), "forgot",
                Map.of("forgot:email", "nobody-" + suffix + "@example.com"), "forgot:submit");
        assertTrue(unknown.body().contains("is on its way"), "the same answer for an unknown address");

        assertEquals("Reset your Tenantry password", mail.subject());
        String link = mail.link("http://public." + Tenantry.DOMAIN);
        // The link names the configured host and the port the server listens on; this client sends no port.
        assertTrue(link.startsWith("http://public." + Tenantry.DOMAIN + ":" + port() + "/reset-password.xhtml?token="),
                link);
        String local = link;
        Page reset = browser.get(local);
        Page weak = browser.submit(reset, "reset", Map.of("reset:password", "short", "reset:confirmation", "short"),
                "reset:submit");
        assertTrue(weak.body().contains("at least 10 characters"), "a refused password keeps the link usable");
        Page done = browser.submit(weak, "reset", Map.of("reset:password", "new password " + suffix,
                "reset:confirmation", "new password " + suffix), "reset:submit");
        assertTrue(done.body().contains("Your password has been changed"), done.body());

        assertEquals(200, app.basic(member, "new password " + suffix).get(Tenantry.host(acme), "/api/me").status());
        assertEquals(401, app.basic(member, Tenantry.PASSWORD_OF_NEW_ACCOUNTS).get(Tenantry.host(acme), "/api/me")
                .status());
        WebSession later = new WebSession(app.server());
        Page refused = later.get(local);
        assertTrue(refused.body().contains("already been used"), "said as the page opens: " + refused.body());
        assertFalse(refused.body().contains("reset:password"), "no form for a used link");
    }

    @Test
    void issuingANewerResetLinkRefusesTheOlder() {
        String older = askForReset();
        String newer = askForReset();

        assertTrue(opened(older).contains("not valid"), "the older link was withdrawn, as its page says at once");
        assertTrue(resetWith(newer, "newer link " + suffix).contains("Your password has been changed"));
    }

    @Test
    void usingTheNewerResetLinkRefusesTheOlder() {
        String older = askForReset();
        String newer = askForReset();

        assertTrue(resetWith(newer, "newer link " + suffix).contains("Your password has been changed"));
        assertTrue(opened(older).contains("not valid"), "the older link no longer works, as its page says at once");
        assertEquals(200, app.basic(member, "newer link " + suffix).get(Tenantry.host(acme), "/api/me").status());
    }

    @Test
    void aResetSignsOutEverySessionAndRevokesTheApiTokensWhenAsked() {
        browser.follow(signIn(browser.follow(browser.get(url(acme, "/"))), member, Tenantry.PASSWORD_OF_NEW_ACCOUNTS));
        String token = app.tokenOf(member, Tenantry.PASSWORD_OF_NEW_ACCOUNTS);
        assertEquals(200, app.bearer(token).get(Tenantry.host(acme), "/api/products").status());

        WebSession mailReader = new WebSession(app.server());
        Page reset = mailReader.get(askForReset());
        Page done = mailReader.submit(reset, "reset", Map.of("reset:password", "after reset " + suffix,
                "reset:confirmation", "after reset " + suffix, "reset:revokeTokens", "true"), "reset:submit");
        assertTrue(done.body().contains("Your password has been changed"), done.body());

        assertEquals(302, browser.get(url("public", "/profile.xhtml")).status(), "signed out on the public host");
        assertEquals(302, browser.get(url(acme, "/")).status(), "and on the tenant's host");
        assertEquals(401, app.bearer(token).get(Tenantry.host(acme), "/api/products").status(), "the token is revoked");
        assertTrue(app.platformEntry(member, "account.password-reset", member).getJsonObject("after")
                .getBoolean("tokensRevoked"), "the reset is in the platform's trail");
    }

    @Test
    void aResetKeepsTheApiTokensUnlessAsked() {
        String token = app.tokenOf(member, Tenantry.PASSWORD_OF_NEW_ACCOUNTS);
        WebSession mailReader = new WebSession(app.server());
        Page reset = mailReader.get(askForReset());
        assertTrue(java.util.regex.Pattern.compile("name=\"reset:revokeTokens\"[^>]*checked").matcher(reset.body())
                .find(), "revoking is offered, chosen by default: " + reset.body());
        Page done = mailReader.submit(reset, "reset", Map.of("reset:password", "after reset " + suffix,
                "reset:confirmation", "after reset " + suffix), "reset:submit");
        assertTrue(done.body().contains("Your password has been changed"), done.body());

        assertEquals(200, app.bearer(token).get(Tenantry.host(acme), "/api/products").status());
    }

    @Test
    void aPasswordChangeSignsOutOtherSessionsAndKeepsThisOneUnderANewId() {
        browser.follow(signIn(browser.follow(browser.get(url("public", "/signin.xhtml"))), member,
                Tenantry.PASSWORD_OF_NEW_ACCOUNTS));
        WebSession elsewhere = new WebSession(app.server());
        elsewhere.follow(elsewhere.submit(elsewhere.get(url("public", "/signin.xhtml")), "signin",
                Map.of("signin:username", member, "signin:password", Tenantry.PASSWORD_OF_NEW_ACCOUNTS),
                "signin:submit"));
        assertEquals(200, elsewhere.get(url("public", "/profile.xhtml")).status());
        String before = browser.cookie(Tenantry.host("public"), "JSESSIONID");

        String replacement = "changed " + suffix;
        Page changed = browser.submit(browser.get(url("public", "/profile.xhtml")), "password", Map.of(
                "password:current", Tenantry.PASSWORD_OF_NEW_ACCOUNTS, "password:new", replacement,
                "password:confirmation", replacement), "password:change");
        assertTrue(changed.body().contains("Your password has been changed"), changed.body());

        assertEquals(302, elsewhere.get(url("public", "/profile.xhtml")).status(), "the other session ended");
        assertEquals(200, browser.get(url("public", "/profile.xhtml")).status(), "this one goes on");
        assertNotEquals(before, browser.cookie(Tenantry.host("public"), "JSESSIONID"), "under a new session id");
        assertTrue(app.platformEntry(member, "account.password-changed", member).getJsonObject("after")
                .containsKey("tokensRevoked"), "the change is in the platform's trail");
    }

    @Test
    void aResetLinkNamesThePortTheServerListensOnNotTheOneInTheHostHeader() {
        WebSession withPort = new WebSession(app.server());
        Page forgot = withPort.get("http://public." + Tenantry.DOMAIN + ":1/forgot-password.xhtml");
        // The member's invitation came to the same address before: wait for the reset itself.
        String link = TestMail.nextMailTo(member + "@example.com", "/reset-password.xhtml", () -> {
            Page sent = withPort.submit(forgot, "forgot", Map.of("forgot:email", member + "@example.com"),
                    "forgot:submit");
            assertTrue(sent.body().contains("is on its way"), sent.body());
        }).link("http://public.");
        assertTrue(link.startsWith("http://public." + Tenantry.DOMAIN + ":" + port() + "/reset-password.xhtml"), link);
    }

    @Test
    void redirectsToAnotherHostIgnoreTheHostsPortAndAnUntrustedForwardedProtocol() throws Exception {
        java.net.http.HttpResponse<String> redirected = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(app.server().resolve("/")).header("Host", Tenantry.host(acme) + ":1")
                        .header("X-Forwarded-Proto", "https").header("Forwarded", "proto=https").build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(302, redirected.statusCode());
        String location = redirected.headers().firstValue("Location").orElse("");
        assertTrue(location.startsWith("http://public." + Tenantry.DOMAIN + ":" + port() + "/go/" + acme + "?state="), location);
    }

    @Test
    void anAccountsNameAndItsEmailAddressShareOneThrottle() {
        for (int attempt = 0; attempt < 3; attempt++) {
            assertEquals(401, app.basic(member, "wrong password").get(Tenantry.host(acme), "/api/me").status());
        }
        for (int attempt = 0; attempt < 2; attempt++) {
            assertEquals(401, app.basic(member + "@example.com", "wrong password").get(Tenantry.host(acme), "/api/me")
                    .status());
        }
        assertEquals(429, app.basic(member, "wrong password").get(Tenantry.host(acme), "/api/me").status(),
                "five failures of one account, by name and by address");
        assertEquals(429, app.basic(member.toUpperCase(), "wrong password").get(Tenantry.host(acme), "/api/me")
                .status());
    }

    @Test
    void theProfileChangesThePasswordOnlyWithTheCurrentOne() throws SQLException {
        browser.follow(signIn(browser.follow(browser.get(url("public", "/signin.xhtml"))), member,
                Tenantry.PASSWORD_OF_NEW_ACCOUNTS));
        Page profile = browser.get(url("public", "/profile.xhtml"));
        String replacement = "replaced " + suffix;
        Page wrong = browser.submit(profile, "password", Map.of("password:current", "not the password",
                "password:new", replacement, "password:confirmation", replacement), "password:change");
        assertTrue(wrong.body().contains("The current password is not right."), wrong.body());
        Page mismatch = browser.submit(wrong, "password", Map.of("password:current", Tenantry.PASSWORD_OF_NEW_ACCOUNTS,
                "password:new", replacement, "password:confirmation", "something else"), "password:change");
        assertTrue(mismatch.body().contains("The two passwords are not the same."), mismatch.body());
        Page changed = browser.submit(mismatch, "password", Map.of("password:current",
                Tenantry.PASSWORD_OF_NEW_ACCOUNTS, "password:new", replacement, "password:confirmation", replacement),
                "password:change");
        assertTrue(changed.body().contains("Your password has been changed"), changed.body());
        assertTrue(storedHash(member).startsWith(HASH_ALGORITHM + ":" + Tenantry.PASSWORD_ITERATIONS + ":"),
                "a new password at the cost PASSWORD_ITERATIONS sets");
        assertEquals(200, app.basic(member, replacement).get(Tenantry.host(acme), "/api/me").status());
    }

    /**
     * The tests' own accounts are written with a cheap hash (Tenantry.newAccount); those the server
     * makes store the password at PASSWORD_ITERATIONS (the tests' servers set the least it takes), and
     * a hash stored at another count, such as the production cost of a deployment whose setting was
     * changed since, is checked at the count it names (checked at the setting's, its key would not
     * match). No wrong password here: the sign-in throttle counts the tests' one address.
     */
    @Test
    void anAccountTheServerMakesStoresItsPasswordAtTheSettingsCostAndAnOlderCostSignsInAndIsStoredAgain() throws SQLException {
        String made = "made-" + suffix;
        app.newAccountThroughTheApi(made);
        String stored = storedHash(made);
        assertTrue(stored.startsWith(HASH_ALGORITHM + ":" + Tenantry.PASSWORD_ITERATIONS + ":"), stored);
        assertEquals(200, app.basic(made, Tenantry.PASSWORD_OF_NEW_ACCOUNTS).get(Tenantry.host("public"), "/api/me")
                .status());

        setStoredHash(made, Tenantry.withRounds(stored, Tenantry.PASSWORD_OF_NEW_ACCOUNTS, PRODUCTION_COST));
        assertEquals(200, app.basic(made, Tenantry.PASSWORD_OF_NEW_ACCOUNTS).get(Tenantry.host("public"), "/api/me")
                .status());
        // Stored again at the setting's count: an unknown name's check (the decoy, at that count) and
        // this account's then cost alike, and a timing no longer tells them apart.
        String again = storedHash(made);
        assertTrue(again.startsWith(HASH_ALGORITHM + ":" + Tenantry.PASSWORD_ITERATIONS + ":"), again);
        assertEquals(200, app.basic(made, Tenantry.PASSWORD_OF_NEW_ACCOUNTS).get(Tenantry.host("public"), "/api/me")
                .status());
    }

    /** How accounts.Passwords stores a password: PBKDF2-HMAC-SHA512, 210,000 rounds unless PASSWORD_ITERATIONS is set. */
    private static final String HASH_ALGORITHM = "PBKDF2WithHmacSHA512";
    private static final int PRODUCTION_COST = 210_000;

    private static void setStoredHash(String username, String hash) throws SQLException {
        try (Connection db = TestDatabase.connect(); java.sql.PreparedStatement update = db.prepareStatement(
                "UPDATE public.account SET password_hash = ? WHERE username = ?")) {
            update.setString(1, hash);
            update.setString(2, username);
            assertEquals(1, update.executeUpdate());
        }
    }

    private static String storedHash(String username) throws SQLException {
        try (Connection db = TestDatabase.connect(); java.sql.PreparedStatement select = db.prepareStatement(
                "SELECT password_hash FROM public.account WHERE username = ?")) {
            select.setString(1, username);
            try (java.sql.ResultSet row = select.executeQuery()) {
                assertTrue(row.next(), username);
                return row.getString(1);
            }
        }
    }

    @Test
    void repeatedFailuresAreThrottledWithoutTellingWhetherTheAccountExists() {
        String ghost = "ghost-" + suffix;
        for (String name : new String[] {member, ghost}) {
            for (int attempt = 0; attempt < 5; attempt++) {
                assertEquals(401, app.basic(name, "wrong password").get(Tenantry.host(acme), "/api/me").status());
            }
            Tenantry.Reply throttled = app.basic(name, "wrong password").get(Tenantry.host(acme), "/api/me");
            assertEquals(429, throttled.status(), name);
            assertTrue(throttled.body().contains("Try again in"), throttled.body());
        }
        assertEquals(429, app.basic(member, Tenantry.PASSWORD_OF_NEW_ACCOUNTS).get(Tenantry.host(acme), "/api/me")
                .status(), "even the right password waits");
    }

    /** A token's use is written at most once a minute: a write on every request would cost a commit to disk each time. */
    @Test
    void aTokensUseIsRecordedAtMostOnceAMinute() throws SQLException {
        String owner = "tokens-" + suffix;
        Tenantry withToken = app.newAccount(owner);
        assertEquals(null, lastUsedSecondsAgo(owner), "never used yet");

        assertEquals(200, withToken.get(Tenantry.host("public"), "/api/me").status());
        assertTrue(lastUsedSecondsAgo(owner) < 60, "its first use is recorded");

        setLastUse(owner, "30 seconds");
        assertEquals(200, withToken.get(Tenantry.host("public"), "/api/me").status());
        assertTrue(lastUsedSecondsAgo(owner) >= 29, "not written again within the minute");

        setLastUse(owner, "2 minutes");
        assertEquals(200, withToken.get(Tenantry.host("public"), "/api/me").status());
        assertTrue(lastUsedSecondsAgo(owner) < 60, "written again once the minute is over");
    }

    private static Double lastUsedSecondsAgo(String username) throws SQLException {
        try (Connection db = TestDatabase.connect(); java.sql.PreparedStatement read = db.prepareStatement(
                "SELECT extract(epoch FROM now() - t.last_used_at) FROM public.api_token t "
                        + "JOIN public.account a ON a.id = t.account_id WHERE a.username = ?")) {
            read.setString(1, username);
            try (java.sql.ResultSet row = read.executeQuery()) {
                row.next();
                double seconds = row.getDouble(1);
                return row.wasNull() ? null : seconds;
            }
        }
    }

    private static void setLastUse(String username, String ago) throws SQLException {
        try (Connection db = TestDatabase.connect(); java.sql.PreparedStatement write = db.prepareStatement(
                "UPDATE public.api_token SET last_used_at = now() - ?::interval "
                        + "WHERE account_id = (SELECT id FROM public.account WHERE username = ?)")) {
            write.setString(1, ago);
            write.setString(2, username);
            write.executeUpdate();
        }
    }

    @Test
    void anAccountsTokensAreNumberedAmongItsOwnAndTellNothingOfOtherAccounts() {
        Tenantry mine = app.basic(member, Tenantry.PASSWORD_OF_NEW_ACCOUNTS);
        String otherName = "numbers-" + suffix;
        Tenantry otherAccount = app.newAccount(otherName);
        Tenantry theirs = app.basic(otherName, Tenantry.PASSWORD_OF_NEW_ACCOUNTS);
        String publicHost = Tenantry.host("public");

        Tenantry.Reply first = mine.post(publicHost, "/api/me/tokens", "{\"name\":\"first\"}");
        assertEquals(201, first.status(), first.body());
        // Another account makes tokens between two of this one's: nothing of it may show here.
        for (int i = 0; i < 3; i++) {
            assertEquals(201, theirs.post(publicHost, "/api/me/tokens", "{\"name\":\"theirs\"}").status());
        }
        Tenantry.Reply second = mine.post(publicHost, "/api/me/tokens", "{\"name\":\"second\"}");
        assertEquals(201, second.status(), second.body());

        // The account's first token was made with it (number 1).
        assertEquals(2, first.json().asJsonObject().getInt("id"), first.body());
        assertEquals(3, second.json().asJsonObject().getInt("id"), "the next of this account's: " + second.body());
        assertTrue(second.location().endsWith("/api/me/tokens/3"), second.location());
        Tenantry withToken = app.bearer(second.json().asJsonObject().getString("token"));
        assertEquals(java.util.List.of(3, 2, 1), withToken.get(publicHost, "/api/me/tokens").json().asJsonObject()
                .getJsonArray("items").stream().map(t -> t.asJsonObject().getInt("id")).toList());
        assertEquals(java.util.List.of(4, 3, 2, 1), otherAccount.get(publicHost, "/api/me/tokens").json().asJsonObject()
                .getJsonArray("items").stream().map(t -> t.asJsonObject().getInt("id")).toList(),
                "the other account counts its own");
        assertEquals(404, withToken.get(publicHost, "/api/me/tokens/4").status(), "a number only the other has");
        assertEquals(404, withToken.delete(publicHost, "/api/me/tokens/4").status());
        assertEquals(200, otherAccount.get(publicHost, "/api/me/tokens/4").status(), "the other's token stays");
    }

    @Test
    void anApiTokenWorksOnlyWhereItsOwnerMayEnterAndNotAfterRevocation() {
        Tenantry.Reply issued = app.basic(member, Tenantry.PASSWORD_OF_NEW_ACCOUNTS)
                .post(Tenantry.host("public"), "/api/me/tokens", "{\"name\":\"ci\"}");
        assertEquals(201, issued.status(), issued.body());
        String token = issued.json().asJsonObject().getString("token");
        long id = issued.json().asJsonObject().getJsonNumber("id").longValue();
        assertTrue(token.startsWith("tnt_"));
        Tenantry withToken = app.bearer(token);

        assertEquals(200, withToken.get(Tenantry.host(acme), "/api/products").status());
        assertEquals(403, withToken.get(Tenantry.host(other), "/api/products").status());
        assertFalse(withToken.get(Tenantry.host("public"), "/api/me/tokens").body().contains(token),
                "the secret is shown once, never listed");

        // Tokens are numbered per account: another account of as many tokens has one of that number, its own.
        Tenantry someoneElse = app.newAccount("someone-" + suffix);
        for (long made = 1; made < id; made++) {
            assertEquals(201, app.basic("someone-" + suffix, Tenantry.PASSWORD_OF_NEW_ACCOUNTS)
                    .post(Tenantry.host("public"), "/api/me/tokens", "{\"name\":\"x\"}").status());
        }
        assertEquals(204, someoneElse.delete(Tenantry.host("public"), "/api/me/tokens/" + id).status(),
                "another account revokes its own token of that number");
        assertEquals(404, app.delete(Tenantry.host("public"), "/api/me/tokens/" + id + "00").status(),
                "nobody else can revoke it, the super-user included");
        assertFalse(app.get(Tenantry.host("public"), "/api/me/tokens").body().contains("\"ci\""),
                "nor sees it among their own");
        assertEquals(204, withToken.delete(Tenantry.host("public"), "/api/me/tokens/" + id).status());
        assertEquals(401, withToken.get(Tenantry.host(acme), "/api/products").status());
        assertEquals(id, app.platformEntry(member, "token.created", "ci").getJsonObject("after").getJsonNumber("token")
                .longValue(), "making a credential is in the platform's trail");
        assertEquals(id, app.platformEntry(member, "token.revoked", "ci").getJsonObject("before").getJsonNumber("token")
                .longValue(), "and so is revoking it");
    }

    @Test
    void aDeactivatedAccountLeavesEveryTenantAndGroupAndIsRefused() {
        Tenantry jane = app.bearer(app.tokenOf(member, Tenantry.PASSWORD_OF_NEW_ACCOUNTS));
        assertEquals(200, jane.get(Tenantry.host(acme), "/api/products").status());

        assertEquals(403, jane.delete(Tenantry.host("public"), "/api/accounts/" + member).status(),
                "only the super-user manages accounts");
        assertEquals(204, app.delete(Tenantry.host("public"), "/api/accounts/" + member).status());

        assertEquals(401, jane.get(Tenantry.host(acme), "/api/products").status());
        assertFalse(app.get(Tenantry.host(acme), "/api/members").body().contains(member));
        assertFalse(app.get(Tenantry.host(acme), "/api/groups").body().contains(member));
    }

    /**
     * Leaving the tenants is access's, observing AccountDeactivated inside the deactivating
     * transaction: when it fails, the deactivation is rolled back and the account stays whole.
     */
    @Test
    void aDeactivationWhoseLeavingFailsKeepsTheAccountWhole() throws SQLException {
        try (Connection db = TestDatabase.connect(); Statement ddl = db.createStatement()) {
            ddl.execute("CREATE OR REPLACE FUNCTION public.test_refuse_leaving() RETURNS trigger LANGUAGE plpgsql AS $$"
                    + " BEGIN IF OLD.account_id = (SELECT id FROM public.account WHERE username = '" + member + "') THEN"
                    + " RAISE EXCEPTION 'leaving refused by the test'; END IF; RETURN OLD; END $$");
            ddl.execute("CREATE TRIGGER test_refuse_leaving BEFORE DELETE ON public.tenant_member"
                    + " FOR EACH ROW EXECUTE FUNCTION public.test_refuse_leaving()");
            try {
                assertEquals(500, app.delete(Tenantry.host("public"), "/api/accounts/" + member).status());
            } finally {
                ddl.execute("DROP TRIGGER test_refuse_leaving ON public.tenant_member");
            }
        }
        Tenantry jane = app.bearer(app.tokenOf(member, Tenantry.PASSWORD_OF_NEW_ACCOUNTS));
        assertEquals(200, jane.get(Tenantry.host(acme), "/api/products").status(), "still active, still a member");
        assertTrue(app.get(Tenantry.host(acme), "/api/members").body().contains(member));
    }

    @Test
    void refusalsAreInTheReadersLanguageInTheApiAndOnErrorPages() {
        String duplicate = "{\"username\":\"" + member + "\",\"email\":\"z-" + suffix + "@example.com\","
                + "\"password\":\"long enough pw\"}";
        assertTrue(app.inLanguage("de").post(Tenantry.host("public"), "/api/accounts", duplicate).json()
                .asJsonObject().getString("detail").endsWith("ist vergeben."));
        assertTrue(app.inLanguage("fr, en;q=0.5").post(Tenantry.host("public"), "/api/accounts", duplicate).json()
                .asJsonObject().getString("detail").endsWith("is taken."));

        Tenantry.Reply bogusLink = app.anonymous().inLanguage("de-AT").sendRaw(Tenantry.host(acme),
                "/auth/handoff?code=bogus&state=bogus");
        assertEquals(400, bogusLink.status());
        assertTrue(bogusLink.body().contains("<html lang=\"de\">"), bogusLink.body());
        assertTrue(bogusLink.body().contains("für einen anderen Browser erstellt"), bogusLink.body());
    }

    /** Asks for a reset of the member's password and answers the link mailed. */
    private String askForReset() {
        String address = member + "@example.com";
        int before = TestMail.countTo(address);
        WebSession asker = new WebSession(app.server());
        asker.submit(asker.get(url("public", "/forgot-password.xhtml")), "forgot", Map.of("forgot:email", address),
                "forgot:submit");
        for (int waited = 0; TestMail.countTo(address) == before; waited++) {
            if (waited == 200) {
                throw new AssertionError("No new mail to " + address);
            }
            pause();
        }
        return TestMail.awaitMailTo(address).link("http://public.");
    }

    /** Sets a new password with a reset link and answers the page that follows. */
    /** The page a link opens, before anything is filled in. */
    private String opened(String link) {
        return new WebSession(app.server()).get(link).body();
    }

    private String resetWith(String link, String password) {
        WebSession reader = new WebSession(app.server());
        return reader.submit(reader.get(link), "reset", Map.of("reset:password", password,
                "reset:confirmation", password), "reset:submit").body();
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Page signIn(Page signInPage, String username, String password) {
        Page submitted = browser.submit(signInPage, "signin",
                Map.of("signin:username", username, "signin:password", password), "signin:submit");
        assertEquals(302, submitted.status(), "signed in: " + submitted.body());
        return submitted;
    }
}
