package io.tenantry.accounts;

import static io.tenantry.testing.WebSession.url;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.tenantry.testing.DeployedTenantry;
import io.tenantry.testing.Tenantry;
import io.tenantry.testing.TestMail;
import io.tenantry.testing.WebSession;
import io.tenantry.testing.WebSession.Page;

/**
 * Registering by e-mail: the form answers the same whether or not an account uses the address;
 * the address's owner finishes by a mailed link, and the owner of an existing account is told how
 * to sign in instead. The profile, which must refuse an address in use, cannot test many.
 */
class RegistrationIT extends DeployedTenantry {

    private String suffix;
    private String member;
    private WebSession browser;

    @BeforeEach
    void anExistingAccount() {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        member = "reg-" + suffix;
        app.newAccount(member);
        browser = new WebSession(app.server());
    }

    @Test
    void registeringAnAddressInUseAnswersAsForANewOneAndMailsItsOwner() {
        String fresh = "fresh-" + suffix + "@example.com";
        String taken = member + "@example.com";

        Page forFresh = register(browser, fresh);
        Page forTaken = register(new WebSession(app.server()), taken);

        assertEquals(forFresh.status(), forTaken.status());
        assertEquals(messagesOf(forFresh).replace(fresh, "<address>"), messagesOf(forTaken).replace(taken, "<address>"));
        assertTrue(messagesOf(forFresh).contains(fresh), forFresh.body());
        TestMail.Received toOwner = TestMail.awaitMailTo(taken);
        assertTrue(toOwner.body().contains(member), "the owner is reminded of the account's name: " + toOwner.body());
        assertTrue(toOwner.body().contains("/forgot-password.xhtml"), toOwner.body());
        assertTrue(TestMail.awaitMailTo(fresh).body().contains("/complete-registration.xhtml?token="));
    }

    @Test
    void registrationIsFinishedByTheMailedLinkAndSignsTheNewAccountInWhereItWasGoing() {
        String address = "new-" + suffix + "@example.com";
        browser.submit(browser.get(url("public", "/register.xhtml?next=/profile.xhtml")), "register",
                Map.of("register:email", address), "register:submit");
        String link = TestMail.awaitMailTo(address).link("http://public.");

        Page form = browser.get(link);
        Page created = browser.follow(browser.submit(form, "complete", Map.of("complete:username", "new-" + suffix,
                "complete:password", "long enough pw", "complete:confirmation", "long enough pw"), "complete:submit"));

        assertEquals(200, created.status(), created.body());
        assertEquals(url("public", "/profile.xhtml"), created.url());
        assertTrue(created.body().contains("profile-link\">new-" + suffix), created.body());
        assertEquals(200, app.basic("new-" + suffix, "long enough pw").get(Tenantry.host("public"), "/api/me").status());
        WebSession later = new WebSession(app.server());
        Page again = later.get(link);
        assertTrue(again.body().contains("already been used"), "said as the page opens: " + again.body());
        assertFalse(again.body().contains("complete:password"), "no form for a used link");
    }

    @Test
    void aTakenUserNameIsRefusedInTheReadersLanguageAndTheLinkStaysUsable() {
        String address = "de-" + suffix + "@example.com";
        WebSession german = new WebSession(app.server());
        german.setCookie(Tenantry.host("public"), "lang", "de");
        register(german, address);
        String link = TestMail.awaitMailTo(address).link("http://public.");

        Page taken = german.submit(german.get(link), "complete", Map.of("complete:username", member,
                "complete:password", "long enough pw", "complete:confirmation", "long enough pw"), "complete:submit");
        assertTrue(taken.body().contains("ist vergeben"), taken.body());

        Page created = german.submit(taken, "complete", Map.of("complete:username", "de-" + suffix,
                "complete:password", "long enough pw", "complete:confirmation", "long enough pw"), "complete:submit");
        assertEquals(302, created.status(), created.body());
    }

    @Test
    void theProfileRefusesAddressesInUseOnlyFiveTimesAnHour() {
        String other = "other-" + suffix;
        app.newAccount(other);
        browser.follow(browser.submit(browser.get(url("public", "/signin.xhtml")), "signin",
                Map.of("signin:username", other, "signin:password", Tenantry.PASSWORD_OF_NEW_ACCOUNTS),
                "signin:submit"));
        for (int attempt = 0; attempt < 5; attempt++) {
            Page refused = changeAddress(member + "@example.com");
            assertTrue(refused.body().contains("belongs to another account"), refused.body());
        }
        Page throttled = changeAddress(member + "@example.com");
        assertTrue(throttled.body().contains("Too many refused changes of address"), throttled.body());
        assertTrue(changeAddress("unused-" + suffix + "@example.com").body().contains("Too many"),
                "the answer no longer depends on the address");
    }

    private Page changeAddress(String address) {
        return browser.submit(browser.get(url("public", "/profile.xhtml")), "details",
                Map.of("details:email", address, "details:displayName", "", "details:password",
                        Tenantry.PASSWORD_OF_NEW_ACCOUNTS), "details:save");
    }

    private static Page register(WebSession session, String address) {
        return session.submit(session.get(url("public", "/register.xhtml")), "register",
                Map.of("register:email", address), "register:submit");
    }

    /** The text of the page's messages, where the answer to a form is given. */
    private static String messagesOf(Page page) {
        Matcher messages = Pattern.compile("<div id=\"messages\"(.*?)</div>\\s*</div>", Pattern.DOTALL)
                .matcher(page.body());
        return messages.find() ? messages.group(1).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").strip() : "";
    }
}
