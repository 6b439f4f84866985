package io.tenantry.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.tenantry.testing.PayaraOnly;
import io.tenantry.testing.SharedServer;
import io.tenantry.testing.Tenantry;
import io.tenantry.testing.TestDatabase;
import io.tenantry.testing.TestServers;
import jakarta.json.JsonObject;

/**
 * Trial tenants under TENANTS_BLOCK_UNPAID (the options server; TENANTS_TRIAL_DAYS at its default of
 * 14): a new tenant is open for its trial, the API says where each tenant's subscription stands, and
 * once the trial is over its owner is told what to do, other members whom to ask, in their language.
 */
@PayaraOnly("TENANTS_BLOCK_UNPAID=true, a setting of the run's Payara Micro options server (TestServers.options)")
@ResourceLock(value = TestServers.OPTIONS_LOCK, mode = ResourceAccessMode.READ)
class TrialTenantsIT {

    @RegisterExtension
    static final SharedServer OPTIONS = TestServers.options();

    private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 6);
    private static Tenantry operator;

    @BeforeAll
    static void operator() {
        operator = new Tenantry(OPTIONS.process().url()).awaitReady();
    }

    @Test
    void aNewTenantIsInItsTrialAndTheApiSaysWhereEachTenantStands() {
        operator.newAccount("trial-owner-" + SUFFIX);
        String label = "trial-" + SUFFIX;
        Instant before = Instant.now();
        Tenantry.Reply created = operator.onPublic("POST", "/api/tenants", "{\"label\":\"" + label
                + "\",\"name\":\"Trial\",\"owner\":\"trial-owner-" + SUFFIX + "\"}");
        assertEquals(201, created.status(), created.body());
        JsonObject tenant = created.json().asJsonObject();
        assertEquals("trial", tenant.getString("state"), tenant.toString());
        Instant paidUntil = Instant.parse(tenant.getString("paidUntil"));
        assertEquals(paidUntil, Instant.parse(tenant.getString("trialEnds")), "paid-until starts at the trial's end");
        Instant expected = before.plus(Duration.ofDays(14));
        assertTrue(!paidUntil.isBefore(expected.truncatedTo(ChronoUnit.SECONDS))
                && paidUntil.isBefore(expected.plus(Duration.ofMinutes(2))), paidUntil + " vs " + expected);
        assertEquals(200, operator.basic("trial-owner-" + SUFFIX, Tenantry.PASSWORD_OF_NEW_ACCOUNTS)
                .get(Tenantry.host(label), "/api/products").status(), "a new tenant is open during its trial");

        assertEquals("trial", stateInList(label));
        assertEquals("free", stateInList("public"));
        assertEquals(200, operator.onPublic("PUT", "/api/tenants/" + label,
                "{\"paidUntil\":\"" + Instant.now().plus(30, ChronoUnit.DAYS) + "\"}").status());
        assertEquals("paid", stateInList(label), "a payment recorded ends the trial");
        assertEquals(200, operator.onPublic("PUT", "/api/tenants/" + label,
                "{\"paidUntil\":\"" + Instant.now().minus(1, ChronoUnit.HOURS) + "\"}").status());
        assertEquals("expired", stateInList(label));
        assertEquals(402, operator.basic("trial-owner-" + SUFFIX, Tenantry.PASSWORD_OF_NEW_ACCOUNTS)
                .get(Tenantry.host(label), "/api/products").status());
    }

    @Test
    void whenTheTrialIsOverTheOwnerIsToldWhatToDoAndOtherMembersWhomToAsk() {
        Tenantry owner = operator.newAccount("ended-owner-" + SUFFIX);
        Tenantry member = operator.newAccount("ended-member-" + SUFFIX);
        String label = "ended-" + SUFFIX;
        assertEquals(201, operator.onPublic("POST", "/api/tenants", "{\"label\":\"" + label
                + "\",\"name\":\"Ended\",\"owner\":\"ended-owner-" + SUFFIX + "\"}").status());
        owner.bringIn(Tenantry.host(label), "ended-member-" + SUFFIX);
        moveTrialEnd(operator, label, "now() - interval '1 hour'");

        Tenantry.Reply toOwner = owner.get(Tenantry.host(label), "/api/products");
        assertEquals(402, toOwner.status(), toOwner.body());
        String ownersWords = toOwner.json().asJsonObject().getString("detail");
        assertTrue(ownersWords.contains("The trial of Ended ended on") && ownersWords.contains("write to")
                && ownersWords.contains(Tenantry.emailOf(Tenantry.ADMIN)), ownersWords);
        assertFalse(ownersWords.contains("Ask its owner"), "the owner is not sent to ask the owner: " + ownersWords);
        String inGerman = owner.inLanguage("de").get(Tenantry.host(label), "/api/products").json().asJsonObject()
                .getString("detail");
        assertTrue(inGerman.contains("Die Testphase von Ended ist am") && inGerman.contains("Schreiben Sie an"), inGerman);

        Tenantry.Reply toMember = member.get(Tenantry.host(label), "/api/products");
        assertEquals(402, toMember.status(), toMember.body());
        String membersWords = toMember.json().asJsonObject().getString("detail");
        assertTrue(membersWords.contains("Ask its owner, ended-owner-" + SUFFIX + ", to subscribe"), membersWords);

        Tenantry.Reply page = owner.page(Tenantry.host(label), "/");
        assertEquals(402, page.status());
        assertTrue(page.body().contains("write to"), page.body());
    }

    @Test
    void inTheLastDaysOfTheTrialMembersAreToldHowLongIsLeft() {
        Tenantry owner = operator.newAccount("ending-owner-" + SUFFIX);
        operator.newAccount("ending-member-" + SUFFIX);
        Tenantry member = operator.basic("ending-member-" + SUFFIX, Tenantry.PASSWORD_OF_NEW_ACCOUNTS);
        String label = "ending-" + SUFFIX;
        assertEquals(201, operator.onPublic("POST", "/api/tenants", "{\"label\":\"" + label
                + "\",\"name\":\"Ending\",\"owner\":\"ending-owner-" + SUFFIX + "\"}").status());
        owner.bringIn(Tenantry.host(label), "ending-member-" + SUFFIX);
        assertFalse(owner.page(Tenantry.host(label), "/").body().contains("subscription-banner"),
                "two weeks before the end, nothing to say yet");

        moveTrialEnd(operator, label, "now() + interval '2 days 20 hours'");
        String ownersPage = owner.page(Tenantry.host(label), "/").body();
        assertTrue(ownersPage.contains("The trial of Ending ends in 3 days") && ownersPage.contains("write to "
                + Tenantry.emailOf(Tenantry.ADMIN)), ownersPage);
        String membersPage = member.page(Tenantry.host(label), "/").body();
        assertTrue(membersPage.contains("The trial of Ending ends in 3 days")
                && membersPage.contains("ask its owner, ending-owner-" + SUFFIX + ", to subscribe"), membersPage);
        assertTrue(owner.inLanguage("de").page(Tenantry.host(label), "/").body()
                .contains("Die Testphase von Ending endet in 3 Tagen"));
    }

    /**
     * A tenant deleted (on any instance) between the list's read of the tenants and its read of their
     * terms is left out, not answered with a 500 for want of its plan. Its terms' row is removed behind
     * the application's back and the change announced, as such a deletion leaves this instance: the
     * tenant still in its directory, its terms gone.
     */
    @Test
    void aTenantWhoseTermsWentMeanwhileIsLeftOutOfTheList() throws Exception {
        String label = "vanishing-" + SUFFIX;
        assertEquals(201, operator.createTenant(label, "Vanishing").status());
        assertEquals("trial", stateInList(label));
        sql("DELETE FROM public.tenant_terms WHERE tenant_id = (SELECT id FROM public.tenant WHERE label = ?)", label);
        sql("SELECT pg_notify('tenantry_tenants', ?)", label);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        boolean listed = true;
        while (listed && System.nanoTime() < deadline) {
            Tenantry.Reply list = operator.onPublic("GET", "/api/tenants?limit=500", null);
            assertEquals(200, list.status(), list.body());
            listed = list.body().contains("\"label\":\"" + label + "\"");
            Thread.sleep(100);
        }
        assertFalse(listed, "a tenant without its terms is left out");
        // Gone altogether, as the deletion would have left it.
        sql("DELETE FROM public.tenant WHERE label = ?", label);
        sql("DROP SCHEMA \"" + label.replace('-', '_') + "\" CASCADE");
        sql("SELECT pg_notify('tenantry_tenants', ?)", label);
    }

    private static void sql(String statement, String... parameters) throws SQLException {
        try (Connection db = TestDatabase.connect(); PreparedStatement run = db.prepareStatement(statement)) {
            for (int i = 0; i < parameters.length; i++) {
                run.setString(i + 1, parameters[i]);
            }
            run.execute();
        }
    }

    /** Puts the end of the trial (and paid-until with it) elsewhere, as time passing would, and waits until the server sees it. */
    static void moveTrialEnd(Tenantry operator, String label, String when) {
        try (Connection db = TestDatabase.connect()) {
            db.setAutoCommit(false);
            try (PreparedStatement move = db.prepareStatement("UPDATE public.tenant_terms SET trial_ends = " + when
                    + ", paid_until = " + when + " WHERE tenant_id = (SELECT id FROM public.tenant WHERE label = ?)");
                 PreparedStatement notify = db.prepareStatement("SELECT pg_notify('tenantry_tenants', ?)")) {
                move.setString(1, label);
                assertEquals(1, move.executeUpdate());
                notify.setString(1, label);
                notify.execute();
            }
            db.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        String expected;
        try (Connection db = TestDatabase.connect(); PreparedStatement read = db.prepareStatement(
                "SELECT s.paid_until FROM public.tenant_terms s JOIN public.tenant t ON t.id = s.tenant_id WHERE t.label = ?")) {
            read.setString(1, label);
            var row = read.executeQuery();
            row.next();
            expected = row.getTimestamp(1).toInstant().toString();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!expected.equals(paidUntilOf(operator, label))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("The server did not see the new end of " + label + "'s trial");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static String paidUntilOf(Tenantry operator, String label) {
        return operator.onPublic("GET", "/api/tenants/" + label, null).json().asJsonObject().getString("paidUntil");
    }

    private static String stateInList(String label) {
        Tenantry.Reply list = operator.onPublic("GET", "/api/tenants?limit=500", null);
        assertEquals(200, list.status(), list.body());
        var value = list.json();
        var items = value.getValueType() == jakarta.json.JsonValue.ValueType.ARRAY ? value.asJsonArray()
                : value.asJsonObject().getJsonArray("items");
        return items.stream().map(item -> item.asJsonObject()).filter(item -> item.getString("label").equals(label))
                .findFirst().orElseThrow(() -> new AssertionError(label + " is not listed")).getString("state");
    }
}
