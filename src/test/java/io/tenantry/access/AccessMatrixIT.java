package io.tenantry.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.tenantry.testing.PayaraOnly;
import io.tenantry.testing.SharedServer;
import io.tenantry.testing.Tenantry;
import io.tenantry.testing.TestServers;

/**
 * Every entry point × every kind of caller × every kind of tenant, with the expected status of
 * each cell written down below. Runs on its own instance with unpaid tenants blocked.
 */
@PayaraOnly("TENANTS_BLOCK_UNPAID=true, a setting of the run's Payara Micro options server (TestServers.options)")
@ResourceLock(value = TestServers.OPTIONS_LOCK, mode = ResourceAccessMode.READ)
class AccessMatrixIT {

    /**
     * Columns: list products, get one, add, change, add a version, delete, list members, invite
     * an address, remove a member, list groups, put a member in a group, who am I, the tenant's start
     * page. 302 on the page is the redirect to sign in.
     */
    private static final String EXPECTED = """
            private   anonymous      401 401 401 401 401 401 401 401 401 401 401 401 302
            private   stranger       403 403 403 403 403 403 403 403 403 403 403 200 403
            private   tester         200 200 201 200 201 204 200 403 403 403 403 200 200
            private   administrator  200 200 201 200 201 204 200 201 204 200 204 200 200
            private   owner          200 200 201 200 201 204 200 201 204 200 204 200 200
            private   superuser      403 403 403 403 403 403 403 403 403 403 403 200 403
            readable  anonymous      200 200 401 401 401 401 401 401 401 401 401 401 200
            readable  stranger       200 200 403 403 403 403 403 403 403 403 403 200 200
            readable  tester         200 200 201 200 201 204 200 403 403 403 403 200 200
            readable  administrator  200 200 201 200 201 204 200 201 204 200 204 200 200
            readable  owner          200 200 201 200 201 204 200 201 204 200 204 200 200
            readable  superuser      200 200 403 403 403 403 403 403 403 403 403 200 200
            unpaid    anonymous      401 401 401 401 401 401 401 401 401 401 401 401 302
            unpaid    stranger       403 403 403 403 403 403 403 403 403 403 403 200 403
            unpaid    tester         402 402 402 402 402 402 402 402 402 402 402 200 402
            unpaid    administrator  402 402 402 402 402 402 402 402 402 402 402 200 402
            unpaid    owner          402 402 402 402 402 402 402 402 402 402 402 200 402
            unpaid    superuser      403 403 403 403 403 403 403 403 403 403 403 200 403
            lapsed    anonymous      402 402 402 402 402 402 402 402 402 402 402 401 402
            lapsed    stranger       402 402 402 402 402 402 402 402 402 402 402 200 402
            lapsed    tester         402 402 402 402 402 402 402 402 402 402 402 200 402
            lapsed    administrator  402 402 402 402 402 402 402 402 402 402 402 200 402
            lapsed    owner          402 402 402 402 402 402 402 402 402 402 402 200 402
            lapsed    superuser      200 200 403 403 403 403 403 403 403 403 403 200 200
            """;

    /**
     * The public host, where tenants and accounts are managed and accounts look after themselves.
     * Columns: list tenants, create a tenant, list accounts, create an account, who am I, list my
     * tokens, the profile page, the start page.
     */
    private static final String EXPECTED_ON_PUBLIC_HOST = """
            anonymous      401 401 401 401 401 401 302 302
            stranger       403 201 403 403 200 200 200 200
            tester         403 201 403 403 200 200 200 200
            administrator  403 201 403 403 200 200 200 200
            owner          403 409 403 403 200 200 200 200
            superuser      200 201 200 201 200 200 200 200
            """;

    @RegisterExtension
    static final SharedServer OPTIONS = TestServers.options();

    private static Tenantry operator;
    private static final Map<String, Tenantry> CALLERS = new LinkedHashMap<>();
    private static final Map<String, String> TENANTS = new LinkedHashMap<>();
    private static final Map<String, Long> KEPT_PRODUCT = new LinkedHashMap<>();
    private static final Map<String, Long> ADMINISTRATORS = new LinkedHashMap<>();
    private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 6);

    @BeforeAll
    static void tenantsAndCallers() {
        operator = new Tenantry(OPTIONS.process().url()).awaitReady();
        Tenantry owner = operator.newAccount("owner-" + SUFFIX);
        CALLERS.put("anonymous", operator.anonymous());
        CALLERS.put("stranger", operator.newAccount("stranger-" + SUFFIX));
        CALLERS.put("tester", operator.newAccount("tester-" + SUFFIX));
        CALLERS.put("administrator", operator.newAccount("administrator-" + SUFFIX));
        CALLERS.put("owner", owner);
        CALLERS.put("superuser", operator);
        String paid = Instant.now().plus(30, ChronoUnit.DAYS).toString();
        for (String kind : List.of("private", "readable", "unpaid", "lapsed")) {
            String label = kind + "-" + SUFFIX;
            TENANTS.put(kind, label);
            Tenantry.Reply created = operator.onPublic("POST", "/api/tenants", "{\"label\":\"" + label
                    + "\",\"name\":\"" + kind + "\",\"owner\":\"owner-" + SUFFIX + "\",\"publiclyReadable\":"
                    + List.of("readable", "lapsed").contains(kind) + ",\"paidUntil\":\"" + paid + "\"}");
            assertEquals(201, created.status(), created.body());
            String host = Tenantry.host(label);
            owner.bringIn(host, "tester-" + SUFFIX);
            owner.bringIn(host, "administrator-" + SUFFIX);
            long administrators = owner.get(host, "/api/groups").json().asJsonObject().getJsonArray("items").stream()
                    .filter(g -> g.asJsonObject().getString("name").equals("Administrator"))
                    .mapToLong(g -> g.asJsonObject().getJsonNumber("id").longValue()).findFirst().orElseThrow();
            assertEquals(204, owner.post(host, "/api/groups/" + administrators + "/members",
                    "{\"username\":\"administrator-" + SUFFIX + "\"}").status());
            KEPT_PRODUCT.put(kind, newProduct(owner, host));
            ADMINISTRATORS.put(kind, administrators);
            for (String who : List.of("anonymous", "stranger", "tester", "administrator", "owner", "superuser")) {
                operator.newAccount("extra-" + kind + "-" + who + "-" + SUFFIX);
            }
        }
        for (String kind : List.of("unpaid", "lapsed")) {
            Tenantry.Reply expired = operator.onPublic("PUT", "/api/tenants/" + TENANTS.get(kind),
                    "{\"paidUntil\":\"" + Instant.now().minus(1, ChronoUnit.HOURS) + "\"}");
            assertEquals(200, expired.status(), expired.body());
        }
    }

    @Test
    void everyCellAnswersAsWrittenDown() {
        List<String> wrong = new ArrayList<>();
        int cells = 0;
        for (String line : EXPECTED.strip().split("\n")) {
            String[] cell = line.strip().split("\\s+");
            String kind = cell[0];
            String who = cell[1];
            String host = Tenantry.host(TENANTS.get(kind));
            Tenantry caller = CALLERS.get(who);
            Tenantry owner = CALLERS.get("owner");
            boolean blocked = List.of("unpaid", "lapsed").contains(kind);
            long kept = KEPT_PRODUCT.get(kind);
            String extra = "extra-" + kind + "-" + who + "-" + SUFFIX;
            if (!blocked) {
                owner.bringIn(host, extra);
            }
            int[] actual = {
                caller.get(host, "/api/products").status(),
                caller.get(host, "/api/products/" + kept).status(),
                caller.post(host, "/api/products", "{\"name\":\"" + UUID.randomUUID() + "\"}").status(),
                caller.put(host, "/api/products/" + (blocked ? kept : newProduct(owner, host)),
                        "{\"name\":\"" + UUID.randomUUID() + "\"}").status(),
                caller.post(host, "/api/products/" + kept + "/versions", "{\"value\":\"" + UUID.randomUUID() + "\"}")
                        .status(),
                caller.delete(host, "/api/products/" + (blocked ? kept : newProduct(owner, host))).status(),
                caller.get(host, "/api/members").status(),
                caller.post(host, "/api/invitations", "{\"emails\":[\"stranger-" + SUFFIX + "@example.com\"]}").status(),
                caller.delete(host, "/api/members/" + extra).status(),
                caller.get(host, "/api/groups").status(),
                caller.post(host, "/api/groups/" + ADMINISTRATORS.get(kind) + "/members",
                        "{\"username\":\"tester-" + SUFFIX + "\"}").status(),
                caller.get(host, "/api/me").status(),
                caller.page(host, "/").status()};
            if (actual[7] == 201) {
                long invitation = owner.get(host, "/api/invitations").json().asJsonObject().getJsonArray("items")
                        .getJsonObject(0).getJsonNumber("id").longValue();
                assertEquals(204, owner.delete(host, "/api/invitations/" + invitation).status(), "undo the invitation");
            }
            if (actual[10] == 204) {
                assertEquals(204, owner.delete(host, "/api/groups/" + ADMINISTRATORS.get(kind) + "/members/tester-"
                        + SUFFIX).status(), "undo the promotion");
            }
            for (int column = 0; column < actual.length; column++) {
                cells++;
                if (actual[column] != Integer.parseInt(cell[column + 2])) {
                    wrong.add(kind + " " + who + " column " + (column + 1) + ": expected " + cell[column + 2]
                            + ", got " + actual[column]);
                }
            }
        }
        assertEquals(24 * 13, cells);
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void everyCellOfThePublicHostAnswersAsWrittenDown() {
        List<String> wrong = new ArrayList<>();
        String host = Tenantry.host("public");
        for (String line : EXPECTED_ON_PUBLIC_HOST.strip().split("\n")) {
            String[] cell = line.strip().split("\\s+");
            Tenantry caller = CALLERS.get(cell[0]);
            String made = cell[0] + "-made-" + SUFFIX;
            int[] actual = {
                caller.get(host, "/api/tenants").status(),
                caller.post(host, "/api/tenants", "{\"label\":\"" + made + "\",\"name\":\"Made\"}").status(),
                caller.get(host, "/api/accounts").status(),
                caller.post(host, "/api/accounts", "{\"username\":\"" + made + "\",\"email\":\"" + made
                        + "@example.com\",\"password\":\"long enough pw\"}").status(),
                caller.get(host, "/api/me").status(),
                caller.get(host, "/api/me/tokens").status(),
                caller.page(host, "/profile.xhtml").status(),
                caller.page(host, "/").status()};
            for (int column = 0; column < actual.length; column++) {
                if (actual[column] != Integer.parseInt(cell[column + 1])) {
                    wrong.add(cell[0] + " column " + (column + 1) + ": expected " + cell[column + 1] + ", got "
                            + actual[column]);
                }
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void thePagesOfRefusalsSayWhy() {
        Tenantry.Reply forbidden = CALLERS.get("stranger").page(Tenantry.host(TENANTS.get("private")), "/");
        assertTrue(forbidden.body().contains("You are not a member of private"), forbidden.body());
        String unpaid = Tenantry.host(TENANTS.get("unpaid"));
        Tenantry.Reply expired = CALLERS.get("tester").page(unpaid, "/");
        assertEquals(402, expired.status());
        assertTrue(expired.body().contains("Subscription expired"), expired.body());
        assertTrue(expired.body().contains("Ask its owner, owner-" + SUFFIX + ", to renew it"),
                "a member is told whom to ask: " + expired.body());
        String toOwner = CALLERS.get("owner").page(unpaid, "/").body();
        assertTrue(toOwner.contains("To renew it, write to the platform&#39;s operators")
                || toOwner.contains("To renew it, write to the platform's operators"), "the owner is told to renew: " + toOwner);
        Tenantry.Reply toStranger = CALLERS.get("stranger").page(unpaid, "/");
        assertEquals(403, toStranger.status(), "a stranger is refused as at a paid private tenant");
        assertTrue(toStranger.body().contains("You are not a member of unpaid"), toStranger.body());
        assertFalse(toStranger.body().contains("owner-" + SUFFIX) || toStranger.body().contains("Subscription expired")
                || toStranger.body().contains("renew"),
                "no names, nothing of the subscription for strangers: " + toStranger.body());
        Tenantry.Reply toAnonymous = CALLERS.get("anonymous").page(unpaid, "/");
        assertEquals(302, toAnonymous.status(), "sent to sign in, as at a paid private tenant");
        assertTrue(toAnonymous.location().contains("/go/" + TENANTS.get("unpaid") + "?state="), toAnonymous.location());
        Tenantry.Reply german = CALLERS.get("tester").inLanguage("de").page(unpaid, "/");
        assertTrue(german.body().contains("Abonnement abgelaufen") && german.body().contains("Bitten Sie den Eigentümer"),
                german.body());
        Tenantry.Reply signIn = CALLERS.get("anonymous").page(Tenantry.host(TENANTS.get("private")), "/");
        assertTrue(signIn.location().startsWith("http://public." + Tenantry.DOMAIN), signIn.location());
        assertTrue(signIn.location().contains("/go/" + TENANTS.get("private") + "?state="), "the hand-off: " + signIn.location());
    }

    @Test
    void readersNeverSeeTheMembersAndTheBannerSaysReadOnly() {
        Tenantry.Reply page = CALLERS.get("stranger").page(Tenantry.host(TENANTS.get("readable")), "/");
        assertTrue(page.body().contains("read-only-banner"), page.body());
        assertTrue(!page.body().contains("add-product"), "no add form for readers");
        Tenantry.Reply members = CALLERS.get("tester").page(Tenantry.host(TENANTS.get("readable")), "/");
        assertTrue(members.body().contains("add-product") && !members.body().contains("read-only-banner"));
    }

    @Test
    void membersSeeAWarningOnTheLastDayOfTheSubscription() {
        String label = TENANTS.get("private");
        String soon = Instant.now().plus(3, ChronoUnit.HOURS).toString();
        assertEquals(200, operator.onPublic("PUT", "/api/tenants/" + label, "{\"paidUntil\":\"" + soon + "\"}").status());
        try {
            assertTrue(CALLERS.get("tester").page(Tenantry.host(label), "/").body().contains("subscription-banner"));
        } finally {
            operator.onPublic("PUT", "/api/tenants/" + label,
                    "{\"paidUntil\":\"" + Instant.now().plus(30, ChronoUnit.DAYS) + "\"}");
        }
    }

    private static long newProduct(Tenantry owner, String host) {
        Tenantry.Reply created = owner.post(host, "/api/products", "{\"name\":\"" + UUID.randomUUID() + "\"}");
        assertEquals(201, created.status(), created.body());
        return created.json().asJsonObject().getJsonNumber("id").longValue();
    }
}
