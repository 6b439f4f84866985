package io.tenantry.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

import io.tenantry.testing.DeployedTenantry;
import io.tenantry.testing.SharedState;
import io.tenantry.testing.TestDatabase;
import io.tenantry.testing.TestMail;
import io.tenantry.testing.Tenantry;
import jakarta.json.JsonObject;

/**
 * Issue 20 through the API: every tenant is on a plan the super-user chooses; a plan's member limit
 * counts members and pending invitations, at the limit and one past it, also when two accept at once;
 * the per-owner quota (1 under TENANT_CREATION=anyone, the shared server's) stops creation and
 * transfer but never a super-user; renewals extend paid-until and are kept; and one tenant's plan
 * never changes what another may do, nor may a stranger owning a tenant of their own change or read
 * another's.
 */
@ResourceLock(value = SharedState.PLATFORM_CATALOG, mode = ResourceAccessMode.READ)
class PlansIT extends DeployedTenantry {

    private static final String PUBLIC = Tenantry.host("public");
    private final String suffix = UUID.randomUUID().toString().substring(0, 6);

    @Test
    void aNewTenantIsOnTheDefaultPlanAndOnlyTheSuperUserMovesIt() {
        Tenantry owner = app.newAccount("po-" + suffix);
        assertEquals(201, owner.post(PUBLIC, "/api/tenants", "{\"label\":\"pd-" + suffix + "\",\"name\":\"D\"}")
                .status());
        JsonObject tenant = app.get(PUBLIC, "/api/tenants/pd-" + suffix).json().asJsonObject();
        assertEquals("Standard", tenant.getString("plan"), tenant.toString());
        assertFalse(tenant.containsKey("memberLimit") && !tenant.isNull("memberLimit"), "Standard has no limit");
        plan("Pair " + suffix, 2);
        JsonObject moved = app.onPublic("PUT", "/api/tenants/pd-" + suffix, "{\"plan\":\"pair " + suffix + "\"}")
                .json().asJsonObject();
        assertEquals("Pair " + suffix, moved.getString("plan"), moved.toString());
        assertEquals(2, moved.getInt("memberLimit"));
        JsonObject seen = owner.get(Tenantry.host("pd-" + suffix), "/api/settings/plan").json().asJsonObject();
        assertEquals("Pair " + suffix, seen.getString("plan"), seen.toString());
        assertEquals(2, seen.getInt("memberLimit"));
        assertEquals(1, seen.getInt("members"));
        assertEquals(0, seen.getInt("pendingInvitations"));
        Tenantry.Reply unknown = app.onPublic("PUT", "/api/tenants/pd-" + suffix, "{\"plan\":\"Nope " + suffix + "\"}");
        assertEquals(400, unknown.status(), unknown.body());
        assertEquals(403, owner.put(PUBLIC, "/api/tenants/pd-" + suffix, "{\"plan\":\"Standard\"}").status(),
                "an owner cannot change their own plan");
        assertEquals("Pair " + suffix, app.get(PUBLIC, "/api/tenants/pd-" + suffix).json().asJsonObject()
                .getString("plan"));
    }

    @Test
    void invitationsStopAtTheMemberLimitPendingOnesCounted() {
        Tenantry owner = ownerOfTenantOn("pi", 3);
        String host = Tenantry.host("pi-" + suffix);
        assertEquals(201, invite(owner, host, "a", "b").status(), "owner + 2 pending = 3: at the limit");
        Tenantry.Reply past = invite(owner, host, "c");
        assertEquals(409, past.status(), past.body());
        assertTrue(past.contentType().startsWith("application/problem+json"), past.contentType());
        String detail = past.json().asJsonObject().getString("detail");
        assertTrue(detail.contains("Limit3 " + suffix) && detail.contains("allows 3 members"), detail);
        assertEquals(201, invite(owner, host, "a").status(), "sending a pending invitation again adds no one");
        Tenantry.Reply german = owner.inLanguage("de").post(host, "/api/invitations",
                "{\"emails\":[\"" + email("d") + "\"]}");
        assertTrue(german.json().asJsonObject().getString("detail").contains("der 3 Mitglieder"), german.body());
        long pendingId = owner.get(host, "/api/invitations").json().asJsonObject().getJsonArray("items")
                .getJsonObject(0).getJsonNumber("id").longValue();
        assertEquals(204, owner.delete(host, "/api/invitations/" + pendingId).status());
        assertEquals(201, invite(owner, host, "c").status(), "withdrawing one makes room for one");
    }

    @Test
    void anExpiredInvitationNoLongerHoldsAPlaceButSendingItAgainTakesOne() throws Exception {
        Tenantry owner = ownerOfTenantOn("pe", 3);
        String host = Tenantry.host("pe-" + suffix);
        assertEquals(201, invite(owner, host, "a", "b").status(), "owner + 2 pending = 3: at the limit");
        try (java.sql.Connection db = TestDatabase.connect(); java.sql.PreparedStatement expire = db.prepareStatement(
                "UPDATE public.invitation SET last_sent_at = now() - interval '8 days' WHERE email = ?")) {
            expire.setString(1, email("a"));
            assertEquals(1, expire.executeUpdate());
        }
        JsonObject use = owner.get(host, "/api/settings/plan").json().asJsonObject();
        assertEquals(1, use.getInt("pendingInvitations"), "a's invitation expired: " + use);
        assertEquals(201, invite(owner, host, "c").status(), "the expired one left room for one");
        Tenantry.Reply again = invite(owner, host, "a");
        assertEquals(409, again.status(), "sending an expired invitation again counts it anew: " + again.body());
    }

    @Test
    void twoTenantsOfferedToOnePersonAcceptedAtOnceNeverPassTheOwnerQuota() throws Exception {
        Tenantry carol = app.newAccount("pcc-" + suffix);
        List<String> hosts = new java.util.ArrayList<>();
        for (String owner : List.of("pca", "pcb")) {
            Tenantry someone = app.newAccount(owner + "-" + suffix);
            assertEquals(201, someone.post(PUBLIC, "/api/tenants", "{\"label\":\"" + owner + "-" + suffix
                    + "\",\"name\":\"Offered\"}").status());
            String host = Tenantry.host(owner + "-" + suffix);
            someone.bringIn(host, "pcc-" + suffix);
            assertEquals(202, someone.put(host, "/api/settings/owner", "{\"owner\":\"pcc-" + suffix + "\"}")
                    .status(), "carol owns none yet: both offers may be made");
            hosts.add(host);
        }
        CyclicBarrier start = new CyclicBarrier(2);
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> await(start,
                () -> carol.post(hosts.get(0), "/api/settings/owner/acceptance", "")));
        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> await(start,
                () -> carol.post(hosts.get(1), "/api/settings/owner/acceptance", "")));
        List<Integer> statuses = List.of(first.get(), second.get());
        assertTrue(statuses.contains(204) && statuses.contains(409), "a quota of 1: " + statuses);
        long owned = List.of("pca", "pcb").stream().filter(owner -> ("pcc-" + suffix).equals(app.get(PUBLIC,
                "/api/tenants/" + owner + "-" + suffix).json().asJsonObject().getString("owner"))).count();
        assertEquals(1, owned, "carol owns one of the two");
    }

    @Test
    void aLoweredPlanKeepsWhatTheTenantHasAndStopsItGrowing() {
        TwoInvited t = twoInvitedThenPlanLoweredToTwo("pl", "Limit4 " + suffix);
        Tenantry owner = t.owner();
        String host = t.host();
        assertEquals(200, accept(t.x(), t.tokenX()).status(), "owner + x = 2: at the lowered limit");
        Tenantry.Reply past = accept(t.y(), t.tokenY());
        assertEquals(409, past.status(), past.body());
        JsonObject use = owner.get(host, "/api/settings/plan").json().asJsonObject();
        assertEquals(2, use.getInt("members"), use.toString());
        assertEquals(1, use.getInt("pendingInvitations"), "nothing is deleted: y's invitation waits");
        assertEquals(409, invite(owner, host, "z").status(), "over its plan, the tenant cannot grow");
    }

    @Test
    void twoInvitationsAcceptedAtOnceNeverPassTheLimit() throws Exception {
        TwoInvited t = twoInvitedThenPlanLoweredToTwo("pr", "Race " + suffix);
        Tenantry owner = t.owner();
        String host = t.host();
        Tenantry x = t.x();
        Tenantry y = t.y();
        String tokenX = t.tokenX();
        String tokenY = t.tokenY();
        CyclicBarrier start = new CyclicBarrier(2);
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> await(start, () -> accept(x, tokenX)));
        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> await(start, () -> accept(y, tokenY)));
        List<Integer> statuses = List.of(first.get(), second.get());
        assertTrue(statuses.contains(200) && statuses.contains(409), statuses.toString());
        assertEquals(2, owner.get(host, "/api/settings/plan").json().asJsonObject().getInt("members"));
    }

    @Test
    void theOwnerQuotaStopsTheSecondCreationButNeverTheSuperUser() {
        Tenantry someone = app.newAccount("pq-" + suffix);
        assertEquals(201, someone.post(PUBLIC, "/api/tenants", "{\"label\":\"pq1-" + suffix + "\",\"name\":\"One\"}")
                .status(), "at the quota of 1");
        Tenantry.Reply past = someone.post(PUBLIC, "/api/tenants", "{\"label\":\"pq2-" + suffix + "\",\"name\":\"Two\"}");
        assertEquals(409, past.status(), past.body());
        String detail = past.json().asJsonObject().getString("detail");
        assertTrue(detail.contains("TENANTS_PER_OWNER") && detail.contains("owns 1 tenants"), detail);
        assertEquals(404, app.get(PUBLIC, "/api/tenants/pq2-" + suffix).status(), "nothing was made");
        assertEquals(201, app.createTenant("pq3-" + suffix, "Three", "pq-" + suffix).status(),
                "a super-user is never limited");
        assertEquals(201, app.createTenant("pq4-" + suffix, "Four").status());
        assertEquals(201, app.createTenant("pq5-" + suffix, "Five").status());
    }

    @Test
    void transferringOwnershipMovesTheTenantToTheNewOwnersQuota() {
        Tenantry alice = app.newAccount("pta-" + suffix);
        Tenantry bob = app.newAccount("ptb-" + suffix);
        Tenantry carol = app.newAccount("ptc-" + suffix);
        assertEquals(201, alice.post(PUBLIC, "/api/tenants", "{\"label\":\"pta-" + suffix + "\",\"name\":\"A\"}").status());
        assertEquals(201, bob.post(PUBLIC, "/api/tenants", "{\"label\":\"ptb-" + suffix + "\",\"name\":\"B\"}").status());
        String host = Tenantry.host("pta-" + suffix);
        alice.bringIn(host, "ptb-" + suffix);
        alice.bringIn(host, "ptc-" + suffix);
        Tenantry.Reply past = alice.put(host, "/api/settings/owner", "{\"owner\":\"ptb-" + suffix + "\"}");
        assertEquals(409, past.status(), "bob owns 1 already: " + past.body());
        assertTrue(past.json().asJsonObject().getString("detail").contains("ptb-" + suffix), past.body());
        assertEquals(202, alice.put(host, "/api/settings/owner", "{\"owner\":\"ptc-" + suffix + "\"}").status(),
                "carol owns none: she may own one");
        assertEquals(204, carol.post(host, "/api/settings/owner/acceptance", "").status());
        JsonObject moved = app.get(PUBLIC, "/api/tenants/pta-" + suffix).json().asJsonObject();
        assertEquals("ptc-" + suffix, moved.getString("owner"));
        assertEquals(201, alice.post(PUBLIC, "/api/tenants", "{\"label\":\"ptd-" + suffix + "\",\"name\":\"D\"}")
                .status(), "alice's quota is free again");
        Tenantry.Reply offered = app.put(host, "/api/settings/owner", "{\"owner\":\"ptb-" + suffix + "\"}");
        assertEquals(409, offered.status(), "an offer, even a super-user's, that bob could never accept: "
                + offered.body());
        JsonObject bySuperUser = app.onPublic("PUT", "/api/tenants/pta-" + suffix, "{\"owner\":\"ptb-" + suffix + "\"}")
                .json().asJsonObject();
        assertEquals("ptb-" + suffix, bySuperUser.getString("owner"), "a super-user may pass the quota");
    }

    @Test
    void renewalsExtendPaidUntilAndTheirHistoryIsKeptForTheOwnerAndTheSuperUser() {
        Tenantry owner = app.newAccount("pw-" + suffix);
        app.createTenant("pw-" + suffix, "Renewed", "pw-" + suffix);
        JsonObject before = app.get(PUBLIC, "/api/tenants/pw-" + suffix).json().asJsonObject();
        Instant trialEnd = Instant.parse(before.getString("paidUntil"));
        Tenantry.Reply first = app.post(PUBLIC, "/api/tenants/pw-" + suffix + "/renewals", "{\"months\":1}");
        assertEquals(201, first.status(), first.body());
        Instant end = trialEnd.atOffset(ZoneOffset.UTC).plusMonths(1).toInstant();
        assertEquals(end, Instant.parse(first.json().asJsonObject().getString("end")));
        JsonObject after = app.get(PUBLIC, "/api/tenants/pw-" + suffix).json().asJsonObject();
        assertEquals(end, Instant.parse(after.getString("paidUntil")), "extended from the trial's end");
        assertEquals("paid", after.getString("state"));
        Instant until = end.plusSeconds(86_400 * 40);
        assertEquals(201, app.post(PUBLIC, "/api/tenants/pw-" + suffix + "/renewals", "{\"until\":\"" + until + "\"}")
                .status());
        assertEquals(until, Instant.parse(app.get(PUBLIC, "/api/tenants/pw-" + suffix).json().asJsonObject()
                .getString("paidUntil")));
        for (String bad : List.of("{}", "{\"months\":0}", "{\"months\":121}", "{\"months\":1,\"until\":\"" + until + "\"}",
                "{\"until\":\"2000-01-01T00:00:00Z\"}")) {
            Tenantry.Reply refused = app.post(PUBLIC, "/api/tenants/pw-" + suffix + "/renewals", bad);
            assertEquals(400, refused.status(), bad + ": " + refused.body());
        }
        List<JsonObject> history = app.get(PUBLIC, "/api/tenants/pw-" + suffix + "/renewals").json().asJsonObject()
                .getJsonArray("items").getValuesAs(JsonObject.class);
        assertEquals(2, history.size(), history.toString());
        assertEquals(first.json().asJsonObject(), history.get(1), "the answer to the renewal is what is kept");
        assertEquals(until, Instant.parse(history.get(0).getString("end")), "newest first");
        assertEquals(end, Instant.parse(history.get(0).getString("start")));
        assertEquals(2, owner.get(Tenantry.host("pw-" + suffix), "/api/settings/renewals").json().asJsonObject()
                .getJsonArray("items").size(), "the owner reads the history");
    }

    @Test
    void aTenantsRenewalsAreNumberedAmongItsOwnAndTellItsOwnerNothingOfOtherTenants() {
        Tenantry owner = app.newAccount("pn-" + suffix);
        app.createTenant("pn-" + suffix, "Numbered", "pn-" + suffix);
        Tenantry other = app.newAccount("pno-" + suffix);
        app.createTenant("pno-" + suffix, "Other", "pno-" + suffix);
        String renewals = "/api/tenants/pn-" + suffix + "/renewals";
        assertEquals(201, app.post(PUBLIC, renewals, "{\"months\":1}").status());
        // Other tenants' renewals between two of this one's: their count must not show to its owner.
        for (int i = 0; i < 3; i++) {
            assertEquals(201, app.post(PUBLIC, "/api/tenants/pno-" + suffix + "/renewals", "{\"months\":1}").status());
        }
        Tenantry.Reply second = app.post(PUBLIC, renewals, "{\"months\":1}");
        assertEquals(201, second.status(), second.body());
        assertEquals(2, second.json().asJsonObject().getInt("id"), second.body());
        for (String history : List.of(owner.get(Tenantry.host("pn-" + suffix), "/api/settings/renewals").body(),
                app.get(PUBLIC, renewals).body())) {
            assertEquals(List.of(2, 1), jakarta.json.Json.createReader(new java.io.StringReader(history)).readObject()
                    .getJsonArray("items").getValuesAs(JsonObject.class).stream().map(r -> r.getInt("id")).toList(),
                    history);
        }
        assertEquals(List.of(3, 2, 1), other.get(Tenantry.host("pno-" + suffix), "/api/settings/renewals").json()
                .asJsonObject().getJsonArray("items").getValuesAs(JsonObject.class).stream().map(r -> r.getInt("id"))
                .toList(), "the other tenant counts its own");
    }

    @Test
    void oneTenantsPlanNeverChangesWhatAnotherMayDoNorMayAStrangerTouchIt() {
        Tenantry owner = ownerOfTenantOn("ps", 1);
        String limited = Tenantry.host("ps-" + suffix);
        assertEquals(409, invite(owner, limited, "one").status(), "a limit of 1: the owner alone");
        Tenantry other = app.newAccount("pso-" + suffix);
        app.createTenant("pso-" + suffix, "Other", "pso-" + suffix);
        String otherHost = Tenantry.host("pso-" + suffix);
        assertEquals(201, invite(other, otherHost, "two", "three").status(), "another tenant keeps its own plan");
        assertEquals("Standard", app.get(PUBLIC, "/api/tenants/pso-" + suffix).json().asJsonObject().getString("plan"));

        // A stranger owning a tenant of their own: no plan, paid-until or history of theirs or anyone's.
        assertEquals(403, other.put(PUBLIC, "/api/tenants/pso-" + suffix, "{\"plan\":\"Limit1 " + suffix + "\"}")
                .status());
        assertEquals(403, other.put(PUBLIC, "/api/tenants/pso-" + suffix, "{\"paidUntil\":\"2099-01-01T00:00:00Z\"}")
                .status());
        assertEquals(403, other.post(PUBLIC, "/api/tenants/pso-" + suffix + "/renewals", "{\"months\":12}").status());
        assertEquals(403, other.get(PUBLIC, "/api/tenants/ps-" + suffix + "/renewals").status());
        assertEquals(403, other.get(limited, "/api/settings/renewals").status());
        assertEquals(403, other.get(limited, "/api/settings/plan").status());
        assertEquals(404, other.get(otherHost, "/api/admin/plans").status());
        assertEquals("Limit1 " + suffix, app.get(PUBLIC, "/api/tenants/ps-" + suffix).json().asJsonObject()
                .getString("plan"));
    }

    /** A tenant's owner, its host, and two accounts invited to it (not yet accepted) with their links' tokens. */
    private record TwoInvited(Tenantry owner, String host, Tenantry x, String tokenX, Tenantry y, String tokenY) {
    }

    /**
     * A new tenant {@code prefix-suffix} on a new plan {@code planName} of 4 members, two accounts
     * invited to it (pending, so within the limit), and then the plan lowered to 2 members.
     */
    private TwoInvited twoInvitedThenPlanLoweredToTwo(String prefix, String planName) {
        long planId = plan(planName, 4);
        Tenantry owner = app.newAccount(prefix + "-" + suffix);
        app.createTenant(prefix + "-" + suffix, planName, prefix + "-" + suffix);
        assertEquals(200, app.onPublic("PUT", "/api/tenants/" + prefix + "-" + suffix, "{\"plan\":\"" + planName
                + "\"}").status());
        String host = Tenantry.host(prefix + "-" + suffix);
        Tenantry x = app.newAccount(prefix + "x-" + suffix);
        Tenantry y = app.newAccount(prefix + "y-" + suffix);
        assertEquals(201, owner.post(host, "/api/invitations", "{\"emails\":[\"" + prefix + "x-" + suffix
                + "@example.com\",\"" + prefix + "y-" + suffix + "@example.com\"]}").status());
        String tokenX = TestMail.awaitMailTo(prefix + "x-" + suffix + "@example.com").token();
        String tokenY = TestMail.awaitMailTo(prefix + "y-" + suffix + "@example.com").token();
        assertEquals(200, app.put(PUBLIC, "/api/admin/plans/" + planId, "{\"name\":\"" + planName
                + "\",\"priceCents\":0,\"maxMembers\":2,\"active\":true}").status());
        return new TwoInvited(owner, host, x, tokenX, y, tokenY);
    }

    /** A new account owning a new tenant {@code prefix-suffix} on a new plan "Limit{max} suffix". */
    private Tenantry ownerOfTenantOn(String prefix, int max) {
        plan("Limit" + max + " " + suffix, max);
        Tenantry owner = app.newAccount(prefix + "-" + suffix);
        assertEquals(201, app.createTenant(prefix + "-" + suffix, "Limited", prefix + "-" + suffix).status());
        Tenantry.Reply moved = app.onPublic("PUT", "/api/tenants/" + prefix + "-" + suffix,
                "{\"plan\":\"Limit" + max + " " + suffix + "\"}");
        assertEquals(200, moved.status(), moved.body());
        return owner;
    }

    private long plan(String name, int maxMembers) {
        Tenantry.Reply added = app.post(PUBLIC, "/api/admin/plans", "{\"name\":\"" + name
                + "\",\"priceCents\":900,\"maxMembers\":" + maxMembers + "}");
        assertEquals(201, added.status(), added.body());
        return added.json().asJsonObject().getJsonNumber("id").longValue();
    }

    private String email(String who) {
        return who + "-" + suffix + "@example.com";
    }

    private Tenantry.Reply invite(Tenantry inviter, String host, String... who) {
        return inviter.post(host, "/api/invitations", "{\"emails\":[" + String.join(",",
                java.util.Arrays.stream(who).map(w -> "\"" + email(w) + "\"").toList()) + "]}");
    }

    private static Tenantry.Reply accept(Tenantry who, String token) {
        return who.post(PUBLIC, "/api/me/invitations", "{\"token\":\"" + token + "\"}");
    }

    private static int await(CyclicBarrier start, java.util.function.Supplier<Tenantry.Reply> action) {
        try {
            start.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return action.get().status();
    }
}
