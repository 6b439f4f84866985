package io.tenantry.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.tenantry.testing.DeployedTenantry;
import io.tenantry.testing.Tenantry;
import io.tenantry.testing.TestDatabase;
import jakarta.json.Json;
import jakarta.json.JsonObject;

/**
 * The audit trail (issue 19, point 2): each kind of change leaves an entry with who, when, from where,
 * before and after; a change rolled back leaves none; a tenant's trail is its owner's and
 * Administrators' only, through every entry point; nothing changes an entry; what strangers wrote is
 * exported inert; the platform's trail is the super-users' on the master host.
 */
class AuditTrailIT extends DeployedTenantry {

    private static final Set<String> LOCAL = Set.of("127.0.0.1", "0:0:0:0:0:0:0:1", "::1");

    private String suffix;
    private String label;
    private String host;
    private String ownerName;
    private Tenantry owner;

    @BeforeEach
    void aTenantWithAnOwner() {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        label = "audit-" + suffix;
        host = Tenantry.host(label);
        ownerName = "audit-owner-" + suffix;
        owner = app.newAccount(ownerName);
        assertEquals(201, app.createTenant(label, "Audited", ownerName).status());
    }

    @Test
    void eachKindOfChangeLeavesAnEntryWithWhoWhenWhereBeforeAndAfter() {
        String memberName = "audit-member-" + suffix;
        app.newAccount(memberName);
        assertEquals(200, owner.put(host, "/api/settings", "{\"organization\":\"Acme\"}").status());
        assertEquals(200, owner.put(host, "/api/settings", "{\"publiclyReadable\":true}").status());
        assertEquals(200, app.put(app.hostOf("public"), "/api/tenants/" + label,
                "{\"paidUntil\":\"2031-01-02T03:04:00Z\"}").status());
        long group = owner.post(host, "/api/groups", "{\"name\":\"Reviewers\",\"permissions\":[]}").json()
                .asJsonObject().getJsonNumber("id").longValue();
        assertEquals(204, owner.put(host, "/api/groups/" + group, "{\"permissions\":[\"CASE_VIEW\"]}").status());
        owner.bringIn(host, memberName);
        assertEquals(204, owner.post(host, "/api/groups/" + group + "/members", "{\"username\":\"" + memberName + "\"}")
                .status());
        assertEquals(204, owner.delete(host, "/api/groups/" + group + "/members/" + memberName).status());
        long invitation = owner.post(host, "/api/invitations", "{\"emails\":[\"pending-" + suffix + "@example.com\"]}")
                .json().asJsonObject().getJsonArray("results").getJsonObject(0).getJsonNumber("id").longValue();
        assertEquals(204, owner.delete(host, "/api/invitations/" + invitation).status());
        assertEquals(202, owner.put(host, "/api/settings/owner", "{\"owner\":\"" + memberName + "\"}").status());
        assertEquals(200, owner.download(host, "/api/archive").status());
        assertEquals(204, owner.delete(host, "/api/groups/" + group).status());
        assertEquals(204, owner.delete(host, "/api/members/" + memberName).status());

        List<JsonObject> trail = items(owner.get(host, "/api/audit?limit=500"));
        JsonObject created = entry(trail, "tenant.created");
        assertEquals("admin", created.getString("actor"), "the super-user made it");
        assertEquals(ownerName, created.getJsonObject("after").getString("owner"));
        assertEquals("Audited", created.getJsonObject("after").getString("name"));

        JsonObject organization = entry(trail, "tenant.settings");
        assertEquals(ownerName, organization.getString("actor"));
        assertEquals("", organization.getJsonObject("before").getString("organization"));
        assertEquals("Acme", organization.getJsonObject("after").getString("organization"));
        assertEquals(host, organization.getString("host"), "on the tenant's host");
        assertTrue(LOCAL.contains(organization.getString("address")), "from the client: " + organization);
        assertFalse(organization.getString("at").isEmpty(), "when");
        assertEquals(label, organization.getString("tenant"));

        JsonObject visibility = entry(trail, "tenant.visibility");
        assertFalse(visibility.getJsonObject("before").getBoolean("publiclyReadable"));
        assertTrue(visibility.getJsonObject("after").getBoolean("publiclyReadable"));

        JsonObject paid = entry(trail, "tenant.paid-until");
        assertEquals("admin", paid.getString("actor"));
        assertEquals(app.hostOf("public"), paid.getString("host"), "changed from the public host");
        assertEquals("2031-01-02T03:04:00Z", paid.getJsonObject("after").getString("paidUntil"));
        assertNotEquals(paid.getJsonObject("before").get("paidUntil"), paid.getJsonObject("after").get("paidUntil"));

        assertEquals("Reviewers", entry(trail, "group.created").getString("subject"));
        JsonObject permissions = entry(trail, "group.permissions");
        assertEquals("[]", permissions.getJsonObject("before").getJsonArray("permissions").toString());
        assertEquals("[\"case.view\"]", permissions.getJsonObject("after").getJsonArray("permissions").toString());
        assertEquals(memberName, entry(trail, "group.member-added").getJsonObject("after").getString("member"));
        assertEquals(memberName, entry(trail, "group.member-removed").getJsonObject("before").getString("member"));
        assertEquals("Reviewers", entry(trail, "group.deleted").getJsonObject("before").getString("name"));

        assertEquals(Tenantry.emailOf(memberName), entry(trail, "invitation.sent").getString("subject"));
        JsonObject accepted = entry(trail, "invitation.accepted");
        assertEquals(memberName, accepted.getString("actor"), "the invited person accepted");
        assertEquals(app.hostOf("public"), accepted.getString("host"));
        JsonObject joined = entry(trail, "member.added");
        assertEquals(memberName, joined.getString("subject"));
        assertTrue(joined.getJsonObject("after").getBoolean("member"));
        assertEquals("pending-" + suffix + "@example.com", entry(trail, "invitation.revoked").getString("subject"));
        assertEquals(memberName, entry(trail, "ownership.offered").getString("subject"));
        assertEquals(ownerName, entry(trail, "tenant.exported").getString("actor"));
        JsonObject removed = entry(trail, "member.removed");
        assertEquals(memberName, removed.getString("subject"));
        assertFalse(removed.getJsonObject("after").getBoolean("member"));
    }

    @Test
    void aTenantsEntriesAreNumberedInItsOwnTrailAndTellNothingOfAnotherTenants() {
        String otherName = "audit-other-" + suffix;
        Tenantry other = app.newAccount(otherName);
        String otherLabel = "audit-o-" + suffix;
        assertEquals(201, app.createTenant(otherLabel, "Other", otherName).status());
        String otherHost = Tenantry.host(otherLabel);

        assertEquals(200, owner.put(host, "/api/settings", "{\"organization\":\"First\"}").status());
        // Another tenant changes things between two changes of this one: nothing of it may show here.
        for (int i = 0; i < 5; i++) {
            assertEquals(200, other.put(otherHost, "/api/settings", "{\"organization\":\"Other" + i + "\"}").status());
        }
        assertEquals(200, owner.put(host, "/api/settings", "{\"organization\":\"Second\"}").status());

        List<JsonObject> trail = items(owner.get(host, "/api/audit?limit=500"));
        assertEquals(consecutive(trail.size()), numbers(trail), "this tenant's own count: " + trail);
        JsonObject first = entry(trail, "tenant.settings");
        JsonObject second = trail.get(trail.size() - 1);
        assertEquals("Second", second.getJsonObject("after").getString("organization"));
        assertEquals(first.getJsonNumber("id").longValue() + 1, second.getJsonNumber("id").longValue(),
                "the other tenant's five changes between them are not told");
        List<JsonObject> newestFirst = new ArrayList<>(items(owner.get(host, "/api/audit?limit=500&order=desc")));
        java.util.Collections.reverse(newestFirst);
        assertEquals(numbers(trail), numbers(newestFirst));
        String json = new String(owner.download(host, "/api/audit/export.json").body(), StandardCharsets.UTF_8);
        List<JsonObject> exported = Json.createReader(new StringReader(json)).readObject().getJsonArray("items").stream()
                .map(v -> v.asJsonObject()).toList();
        assertEquals(numbers(trail), numbers(exported), "the export numbers them as the list does");

        List<JsonObject> others = items(other.get(otherHost, "/api/audit?limit=500"));
        assertEquals(consecutive(others.size()), numbers(others), "the other tenant counts its own");
        String csv = new String(owner.download(host, "/api/audit/export.csv").body(), StandardCharsets.UTF_8);
        for (String seen : List.of(owner.get(host, "/api/audit?limit=500").body(), csv,
                json)) {
            assertFalse(seen.contains("Other0") || seen.contains(otherLabel), "none of the other tenant's: " + seen);
        }
        // No entry is reached by number, this tenant's or the other's.
        for (long number = 1; number <= others.size(); number++) {
            assertEquals(404, owner.get(host, "/api/audit/" + number).status());
        }
        List<Long> platform = numbers(items(app.get(app.hostOf("public"), "/api/audit/platform?limit=500&tenant=" + label)));
        assertEquals(trail.size(), platform.size());
        assertTrue(platform.get(platform.size() - 1) - platform.get(0) > trail.size(),
                "the platform's trail keeps its ids, which count every tenant's: " + platform);
    }

    @Test
    void changesMadeAtOnceInOneTenantTakeDistinctConsecutiveNumbers() throws Exception {
        List<Thread> changers = new ArrayList<>();
        List<Integer> statuses = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < 6; t++) {
            int each = t;
            changers.add(new Thread(() -> {
                for (int i = 0; i < 4; i++) {
                    long group = owner.post(host, "/api/groups", "{\"name\":\"At once " + each + "-" + i
                            + "\",\"permissions\":[]}").json().asJsonObject().getJsonNumber("id").longValue();
                    statuses.add(owner.delete(host, "/api/groups/" + group).status());
                }
            }));
        }
        changers.forEach(Thread::start);
        for (Thread changer : changers) {
            changer.join();
        }
        assertEquals(java.util.Collections.nCopies(24, 204), statuses);
        List<JsonObject> trail = items(owner.get(host, "/api/audit?limit=500"));
        assertEquals(48, trail.stream().filter(e -> e.getString("action").startsWith("group.")).count(), trail.toString());
        assertEquals(consecutive(trail.size()), numbers(trail), "distinct, consecutive, in the order written");
    }

    private static List<Long> numbers(List<JsonObject> entries) {
        return entries.stream().map(e -> e.getJsonNumber("id").longValue()).toList();
    }

    private static List<Long> consecutive(int count) {
        return java.util.stream.LongStream.rangeClosed(1, count).boxed().toList();
    }

    @Test
    void aTenantsTrailShowsTheAddressOfItsMembersOnlyNotOfAnOperatorWhoChangedIt() {
        assertEquals(200, app.put(app.hostOf("public"), "/api/tenants/" + label,
                "{\"paidUntil\":\"2032-01-02T03:04:00Z\"}").status());
        assertEquals(200, owner.put(host, "/api/settings", "{\"organization\":\"Operated\"}").status());

        List<JsonObject> trail = items(owner.get(host, "/api/audit?limit=500"));
        JsonObject paid = entry(trail, "tenant.paid-until");
        assertEquals("admin", paid.getString("actor"), "who did it is told");
        assertEquals("", paid.getString("address"), "but not where a stranger to the tenant was: " + paid);
        assertEquals("", entry(trail, "tenant.created").getString("address"), "nor where its creator was");
        assertTrue(LOCAL.contains(entry(trail, "tenant.settings").getString("address")), "a member's is shown");
        List<String> csv = new String(owner.download(host, "/api/audit/export.csv?action=tenant.paid-until").body(),
                StandardCharsets.UTF_8).lines().toList();
        assertEquals(2, csv.size(), String.join("\n", csv));
        assertEquals("", cells(csv.get(1)).get(5), "nor in an export: " + csv.get(1));
        String json = new String(owner.download(host, "/api/audit/export.json?action=tenant.paid-until").body(),
                StandardCharsets.UTF_8);
        assertEquals("", Json.createReader(new StringReader(json)).readObject().getJsonArray("items").getJsonObject(0)
                .getString("address"));

        JsonObject platform = entry(items(app.get(app.hostOf("public"),
                "/api/audit/platform?limit=500&action=tenant.paid-until&tenant=" + label)), "tenant.paid-until");
        assertTrue(LOCAL.contains(platform.getString("address")), "the platform's trail keeps it: " + platform);
    }

    @Test
    void ownershipTakenOverAndTheTenantsDeletionAreInThePlatformsTrail() {
        String heirName = "audit-heir-" + suffix;
        Tenantry heir = app.newAccount(heirName);
        owner.bringIn(host, heirName);
        assertEquals(202, owner.put(host, "/api/settings/owner", "{\"owner\":\"" + heirName + "\"}").status());
        assertEquals(204, heir.post(host, "/api/settings/owner/acceptance", "").status());
        JsonObject handedOver = entry(items(heir.get(host, "/api/audit?limit=500&action=tenant.owner")), "tenant.owner");
        assertEquals(heirName, handedOver.getString("actor"));
        assertEquals(ownerName, handedOver.getJsonObject("before").getString("owner"));
        assertEquals(heirName, handedOver.getJsonObject("after").getString("owner"));

        assertEquals(204, app.delete(app.hostOf("public"), "/api/tenants/" + label).status());
        List<JsonObject> platform = items(app.get(app.hostOf("public"), "/api/audit/platform?limit=500&tenant=" + label));
        assertEquals(heirName, entry(platform, "tenant.deleted").getJsonObject("before").getString("owner"));
        entry(platform, "tenant.created");
        assertTrue(platform.stream().allMatch(e -> e.getString("tenant").equals(label)), "filtered by tenant");
    }

    @Test
    void accountsAndWhoMayCreateTenantsAreInThePlatformsTrailOnlyAndADeactivatedMemberLeavesEachTenantsTrail() {
        String made = "audit-made-" + suffix;
        app.newAccountThroughTheApi(made); // as the super-user makes one: that is the entry looked for
        owner.bringIn(host, made);
        assertEquals(200, app.put(app.hostOf("public"), "/api/accounts/" + made, "{\"mayCreateTenants\":true}").status());
        assertEquals(204, app.delete(app.hostOf("public"), "/api/accounts/" + made).status());
        List<JsonObject> platform = items(app.get(app.hostOf("public"), "/api/audit/platform?limit=500&actor=admin"
                + "&action=account"));
        assertEquals(made + "@example.com", entry(platform, "account.created", made).getJsonObject("after")
                .getString("email"));
        JsonObject may = entry(platform, "account.may-create-tenants", made);
        assertFalse(may.getJsonObject("before").getBoolean("mayCreateTenants"));
        assertTrue(may.getJsonObject("after").getBoolean("mayCreateTenants"));
        assertFalse(entry(platform, "account.deactivated", made).getJsonObject("after").getBoolean("active"));
        List<JsonObject> tenants = items(owner.get(host, "/api/audit?limit=500"));
        assertTrue(tenants.stream().noneMatch(e -> e.getString("action").startsWith("account.")),
                "accounts are not a tenant's: " + tenants);
        JsonObject left = entry(tenants, "member.removed", made);
        assertEquals("admin", left.getString("actor"));
        assertEquals("account deactivated", left.getJsonObject("after").getString("reason"));
    }

    /**
     * The removal of a member is made to fail at its commit, after the entry was written (a deferred
     * trigger, on this tenant only): the member stays, and the trail has no entry of it.
     */
    @Test
    void aChangeRolledBackLeavesNoEntry() throws SQLException {
        String memberName = "audit-stays-" + suffix;
        app.newAccount(memberName);
        owner.bringIn(host, memberName);
        long tenantId = tenantId();
        String trigger = "audit_test_refuse_" + suffix.replace("-", "");
        try (Connection db = TestDatabase.connect(); Statement sql = db.createStatement()) {
            sql.execute("CREATE FUNCTION public." + trigger + "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                    + "IF OLD.tenant_id = " + tenantId + " THEN RAISE EXCEPTION 'refused at commit'; END IF; "
                    + "RETURN OLD; END $$");
            sql.execute("CREATE CONSTRAINT TRIGGER " + trigger + " AFTER DELETE ON public.tenant_member "
                    + "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public." + trigger + "()");
        }
        try {
            Tenantry.Reply refused = owner.delete(host, "/api/members/" + memberName);
            assertTrue(refused.status() >= 400, "the removal failed: " + refused);
        } finally {
            try (Connection db = TestDatabase.connect(); Statement sql = db.createStatement()) {
                sql.execute("DROP TRIGGER " + trigger + " ON public.tenant_member");
                sql.execute("DROP FUNCTION public." + trigger + "()");
            }
        }
        assertTrue(owner.get(host, "/api/members?limit=500").body().contains(memberName), "still a member");
        assertTrue(items(owner.get(host, "/api/audit?limit=500&action=member.removed")).isEmpty(),
                "no entry of the removal rolled back");
        assertEquals(204, owner.delete(host, "/api/members/" + memberName).status());
        assertEquals(1, items(owner.get(host, "/api/audit?limit=500&action=member.removed")).size(),
                "the removal that committed has its entry");
    }

    @Test
    void aTenantsTrailIsItsOwnersAndAdministratorsOnlyThroughEveryEntryPoint() {
        assertEquals(200, owner.put(host, "/api/settings", "{\"organization\":\"Secret Org " + suffix + "\"}").status());
        String strangerName = "audit-stranger-" + suffix;
        Tenantry stranger = app.newAccount(strangerName);
        String strangersLabel = "audit-s-" + suffix;
        assertEquals(201, app.createTenant(strangersLabel, "Stranger's", strangerName).status());
        String testerName = "audit-tester-" + suffix;
        Tenantry tester = app.newAccount(testerName);
        owner.bringIn(host, testerName);
        Tenantry anonymous = app.anonymous();

        // Downloads, as a browser asks for them (any type).
        for (String path : List.of("/api/audit", "/api/audit/export.csv", "/api/audit/export.json")) {
            assertEquals(200, owner.download(host, path).status(), path);
            assertEquals(403, stranger.download(host, path).status(), "another tenant's owner: " + path);
            assertEquals(403, tester.download(host, path).status(), "a member without Administrator: " + path);
            assertEquals(401, anonymous.download(host, path).status(), "anonymous: " + path);
        }
        assertEquals(403, stranger.page(host, "/audit.xhtml").status());
        assertEquals(403, tester.page(host, "/audit.xhtml").status());
        assertEquals(200, owner.page(host, "/audit.xhtml").status());

        String strangersTrail = stranger.get(Tenantry.host(strangersLabel), "/api/audit?limit=500").body();
        assertFalse(strangersTrail.contains("Secret Org " + suffix), "one tenant's trail never shows in another's");
        assertFalse(strangersTrail.contains("\"" + label + "\""), strangersTrail);
        assertFalse(new String(stranger.download(Tenantry.host(strangersLabel), "/api/audit/export.csv").body(),
                StandardCharsets.UTF_8).contains("Secret Org"));

        // An Administrator who is not the owner reads it too.
        assertEquals(204, owner.post(host, "/api/groups/" + owner.groupId(host, "Administrator") + "/members",
                "{\"username\":\"" + testerName + "\"}").status());
        assertEquals(200, tester.get(host, "/api/audit").status());
    }

    @Test
    void thePlatformsTrailIsForSuperUsersOnTheMasterHostOnly() {
        for (String path : List.of("/api/audit/platform", "/api/audit/platform/export.csv",
                "/api/audit/platform/export.json")) {
            assertEquals(200, app.download(app.hostOf("public"), path).status(), path);
            assertEquals(403, owner.download(app.hostOf("public"), path).status(), "not a super-user: " + path);
            assertEquals(404, app.download(host, path).status(), "not on the master host: " + path);
        }
        assertEquals(403, owner.page(app.hostOf("public"), "/admin/audit.xhtml").status());
        assertEquals(404, app.page(host, "/admin/audit.xhtml").status());
        assertTrue(items(app.get(app.hostOf("public"), "/api/audit/platform?limit=500&tenant=" + label)).stream()
                .anyMatch(e -> e.getString("action").equals("tenant.created")));
    }

    @Test
    void noEndpointChangesOrDeletesAnEntry() {
        assertEquals(200, owner.put(host, "/api/settings", "{\"organization\":\"Kept\"}").status());
        String before = owner.get(host, "/api/audit?limit=500").body();
        long id = items(owner.get(host, "/api/audit?limit=500")).get(0).getJsonNumber("id").longValue();
        for (String path : List.of("/api/audit", "/api/audit/" + id, "/api/audit/platform",
                "/api/audit/platform/" + id, "/api/audit/export.csv")) {
            for (Tenantry caller : List.of(owner, app)) {
                for (String on : List.of(host, app.hostOf("public"))) {
                    assertRefused(caller.put(on, path, "{\"actor\":\"nobody\"}"), "PUT " + path);
                    assertRefused(caller.post(on, path, "{\"actor\":\"nobody\"}"), "POST " + path);
                    assertRefused(caller.delete(on, path), "DELETE " + path);
                }
            }
        }
        assertEquals(before, owner.get(host, "/api/audit?limit=500").body(), "the trail is as it was");
    }

    @Test
    void listsAreCheckedAsEveryOtherList() {
        assertEquals(400, owner.get(host, "/api/audit?limit=501").status());
        assertEquals(400, owner.get(host, "/api/audit?limit=0").status());
        assertEquals(400, owner.get(host, "/api/audit?offset=-1").status());
        assertEquals(400, owner.get(host, "/api/audit?order=sideways").status());
        assertEquals(400, owner.get(host, "/api/audit?sort=actor").status());
        Tenantry.Reply unknown = owner.get(host, "/api/audit?tenant=" + label);
        assertEquals(400, unknown.status(), "the platform's filter only");
        assertTrue(unknown.body().contains("tenant"), unknown.body());
        assertEquals(400, owner.get(host, "/api/audit?from=yesterday").status());
        JsonObject page = owner.get(host, "/api/audit?limit=1&order=desc").json().asJsonObject();
        assertEquals(1, page.getJsonArray("items").size());
        assertEquals(0, page.getInt("offset"));
        assertEquals(1, page.getInt("limit"));
        assertTrue(page.getJsonNumber("total").longValue() >= 1);
        assertEquals(1, items(owner.get(host, "/api/audit?action=tenant.created&from=2000-01-01&to=2999-12-31")).size());
        assertEquals(0, items(owner.get(host, "/api/audit?action=tenant.created&to=2000-01-01")).size());

        long total = owner.get(host, "/api/audit").json().asJsonObject().getJsonNumber("total").longValue();
        String csv = new String(owner.download(host, "/api/audit/export.csv").body(), StandardCharsets.UTF_8);
        assertEquals(total + 1, csv.lines().count(), "every entry and the header: " + csv);
        assertEquals(total, Json.createReader(new StringReader(new String(owner.download(host,
                "/api/audit/export.json").body(), StandardCharsets.UTF_8))).readObject().getJsonArray("items").size());
    }

    /** A member who manages groups plants spreadsheet formulas and markup: the exports keep them as text. */
    @Test
    void aStrangersFormulasAndMarkupAreExportedInert() {
        String plannerName = "audit-planter-" + suffix;
        app.newAccount(plannerName);
        owner.bringIn(host, plannerName);
        assertEquals(204, owner.post(host, "/api/groups/" + owner.groupId(host, "Administrator") + "/members",
                "{\"username\":\"" + plannerName + "\"}").status());
        Tenantry planter = app.basic(plannerName, Tenantry.PASSWORD_OF_NEW_ACCOUNTS);
        List<String> planted = List.of("=HYPERLINK(\"http://evil.example\",\"x\")", "+1+1", "-2+3", "@SUM(1)",
                "<script>alert(1)</script>");
        for (String name : planted) {
            String json = name.replace("\\", "\\\\").replace("\"", "\\\"");
            assertEquals(201, planter.post(host, "/api/groups", "{\"name\":\"" + json + "\",\"permissions\":[]}")
                    .status(), name);
        }
        Tenantry.Download csv = owner.download(host, "/api/audit/export.csv?action=group.created");
        assertEquals(200, csv.status());
        assertTrue(csv.header("Content-Type").startsWith("text/csv"), csv.header("Content-Type"));
        assertTrue(csv.header("Content-Disposition").contains("audit-" + label + ".csv"));
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        List<String> lines = text.lines().toList();
        assertEquals("at,tenant,actor,action,subject,address,host,before,after", lines.get(0));
        assertEquals(planted.size() + 1, lines.size(), text);
        for (String line : lines.subList(1, lines.size())) {
            for (String cell : cells(line)) {
                assertFalse(!cell.isEmpty() && "=+-@".indexOf(cell.charAt(0)) >= 0, "a formula cell: " + line);
            }
        }
        assertTrue(text.contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\""), text);
        assertTrue(text.contains(",'+1+1,") && text.contains(",'-2+3,") && text.contains(",'@SUM(1),"), text);

        // JSON keeps the text as it was, as data: a download that no browser runs or renders.
        Tenantry.Download json = owner.download(host, "/api/audit/export.json?action=group.created");
        assertEquals(200, json.status());
        assertTrue(json.header("Content-Type").startsWith("application/json"));
        assertEquals("nosniff", json.header("X-Content-Type-Options"));
        assertTrue(json.header("Content-Disposition").startsWith("attachment"));
        String exported = new String(json.body(), StandardCharsets.UTF_8);
        assertEquals(planted, Json.createReader(new StringReader(exported)).readObject().getJsonArray("items")
                .stream().map(v -> v.asJsonObject().getString("subject")).toList());

        String page = owner.page(host, "/audit.xhtml").body();
        assertFalse(page.contains("<script>alert(1)</script>"), "shown as text on the page");
        assertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "shown as text on the page");
    }

    private static void assertRefused(Tenantry.Reply reply, String what) {
        assertTrue(reply.status() == 405 || reply.status() == 404 || reply.status() == 403,
                what + " must not be taken: " + reply);
    }

    /** The cells of one CSV line (RFC 4180). */
    private static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    private long tenantId() throws SQLException {
        try (Connection db = TestDatabase.connect();
             PreparedStatement select = db.prepareStatement("SELECT id FROM public.tenant WHERE label = ?")) {
            select.setString(1, label);
            try (ResultSet row = select.executeQuery()) {
                assertTrue(row.next(), label);
                return row.getLong(1);
            }
        }
    }

    private static List<JsonObject> items(Tenantry.Reply reply) {
        assertEquals(200, reply.status(), reply.toString());
        return reply.json().asJsonObject().getJsonArray("items").stream().map(v -> v.asJsonObject()).toList();
    }

    private static JsonObject entry(List<JsonObject> trail, String action) {
        return trail.stream().filter(e -> e.getString("action").equals(action)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + action + " in " + trail));
    }

    private static JsonObject entry(List<JsonObject> trail, String action, String subject) {
        return trail.stream().filter(e -> e.getString("action").equals(action) && e.getString("subject").equals(subject))
                .findFirst().orElseThrow(() -> new AssertionError("no " + action + " of " + subject + " in " + trail));
    }
}
