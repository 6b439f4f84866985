package io.tenantry.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

import io.tenantry.testing.DeployedTenantry;
import io.tenantry.testing.RanStatements;
import io.tenantry.testing.TestDatabase;
import io.tenantry.testing.Tenantry;
import jakarta.json.JsonObject;

/** The test-management core through the API: a release's work, its rules, and who may do what. */
@Isolated("counts the statements the database ran (RanStatements): every class's requests add to them")
class WorkspaceIT extends DeployedTenantry {

    private String suffix;
    private String host;
    private Tenantry owner;
    private Tenantry tester;
    private long product;

    @BeforeEach
    void aTenantWithAnOwnerATesterAndAProduct() {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        owner = app.newAccount("owner-" + suffix);
        tester = app.newAccount("tester-" + suffix);
        assertEquals(201, app.createTenant("ws-" + suffix, "WS", "owner-" + suffix).status());
        host = Tenantry.host("ws-" + suffix);
        owner.bringIn(host, "tester-" + suffix);
        product = id(created(owner.post(host, "/api/products", "{\"name\":\"Shop\"}")));
    }

    @Test
    void aTeamPlansRunsAndFinishesARelease() {
        long version = id(created(owner.post(host, "/api/products/" + product + "/versions", "{\"value\":\"2.0\"}")));
        long build = id(created(owner.post(host, "/api/products/" + product + "/builds", "{\"name\":\"2.0-rc1\"}")));
        JsonObject plan = created(owner.post(host, "/api/plans", "{\"productId\":" + product + ",\"versionId\":"
                + version + ",\"name\":\"Release 2.0\",\"document\":\"# Scope\\nCheckout and payment.\"}"));
        assertEquals("# Scope\nCheckout and payment.", plan.getString("document"));
        assertEquals("owner-" + suffix, plan.getString("author"));
        long login = id(created(tester.post(host, "/api/cases", caseJson("Log in", "CONFIRMED", 1, "smoke"))));
        long pay = id(created(tester.post(host, "/api/cases", caseJson("Pay by card", "CONFIRMED", 2, "payment"))));
        long draft = id(created(tester.post(host, "/api/cases", caseJson("Pay by invoice", "PROPOSED", 3, "payment"))));
        JsonObject withCases = owner.post(host, "/api/plans/" + id(plan) + "/cases",
                "{\"caseIds\":[" + login + "," + pay + "," + draft + "]}").json().asJsonObject();
        assertEquals(List.of(login, pay, draft), longs(withCases, "caseIds"));

        JsonObject run = created(tester.post(host, "/api/runs", "{\"planId\":" + id(plan) + ",\"buildId\":" + build
                + ",\"summary\":\"2.0-rc1 regression\",\"manager\":\"owner-" + suffix + "\",\"defaultTester\":\"tester-"
                + suffix + "\",\"plannedStart\":\"2026-12-01\",\"plannedFinish\":\"2026-12-03\"}"));
        long runId = id(run.getJsonObject("run"));
        List<JsonObject> executions = objects(run, "executions");
        assertEquals(List.of(login, pay), executions.stream().map(e -> e.getJsonNumber("caseId").longValue()).toList(),
                "only confirmed cases are run");
        assertEquals("tester-" + suffix, executions.get(0).getString("assignee"));
        assertFalse(run.getJsonObject("run").containsKey("startedAt"), "absent until an execution moves");

        JsonObject passed = tester.put(host, "/api/runs/" + runId + "/executions/" + id(executions.get(0)),
                "{\"status\":\"PASSED\"}").json().asJsonObject();
        assertEquals("PASSED", passed.getString("status"));
        assertNotNull(passed.getString("finishedAt"));
        JsonObject midway = tester.get(host, "/api/runs/" + runId).json().asJsonObject().getJsonObject("run");
        assertNotNull(midway.getString("startedAt"));
        assertFalse(midway.containsKey("finishedAt"), "one execution is still IDLE");
        tester.put(host, "/api/runs/" + runId + "/executions/" + id(executions.get(1)),
                "{\"status\":\"failed\",\"comment\":\"3-D Secure page never loads\"}");
        assertFalse(tester.get(host, "/api/runs/" + runId).json().asJsonObject().getJsonObject("run")
                .containsKey("finishedAt"), "every execution ended; the run ends when someone finishes it");
        assertEquals(200, tester.post(host, "/api/runs/" + runId + "/finish", "{}").status());
        JsonObject done = tester.get(host, "/api/runs/" + runId).json().asJsonObject();
        assertNotNull(done.getJsonObject("run").getString("finishedAt"));
        assertEquals("3-D Secure page never loads", objects(done, "executions").get(1).getString("comment"));

        assertEquals(201, tester.post(host, "/api/runs/" + runId + "/executions/" + id(executions.get(1)) + "/comments",
                "{\"text\":\"Filed as SHOP-42\"}").status());
        assertEquals("Filed as SHOP-42", tester.get(host, "/api/runs/" + runId + "/executions/" + id(executions.get(1))
                + "/comments").json().asJsonObject().getJsonArray("items").getJsonObject(0).getString("text"));
        assertEquals(1, tester.get(host, "/api/runs?plan=" + id(plan) + "&finished=true").json().asJsonObject()
                .getInt("total"));

        assertEquals("2.0.0", owner.put(host, "/api/products/" + product + "/versions/" + version, "{\"value\":\"2.0.0\"}")
                .json().asJsonObject().getString("value"));
        JsonObject products = tester.get(host, "/api/products?name=sho&limit=1").json().asJsonObject();
        assertEquals(1, products.getInt("total"));
        assertEquals("2.0.0", objects(products, "items").get(0).getJsonArray("versions").getJsonObject(0)
                .getString("value"));
        assertEquals(204, owner.delete(host, "/api/products/" + product + "/builds/" + build).status());
        assertEquals(204, owner.delete(host, "/api/products/" + product + "/versions/" + version).status());
        assertFalse(tester.get(host, "/api/runs/" + runId).json().asJsonObject().getJsonObject("run")
                .containsKey("buildId"), "the run keeps its results without the build");
        assertFalse(tester.get(host, "/api/plans/" + id(plan)).json().asJsonObject().containsKey("versionId"));
        assertEquals(404, owner.delete(host, "/api/products/" + product + "/builds/" + build).status());
    }

    @Test
    void executionsAreListedAcrossRunsAndCommentsBelongToTheirAuthors() {
        long plan = id(created(owner.post(host, "/api/plans", "{\"productId\":" + product + ",\"name\":\"P\"}")));
        long one = id(created(tester.post(host, "/api/cases", caseJson("One", "CONFIRMED", 1, "a"))));
        long two = id(created(tester.post(host, "/api/cases", caseJson("Two", "CONFIRMED", 2, "a"))));
        owner.post(host, "/api/plans/" + plan + "/cases", "{\"caseIds\":[" + one + "," + two + "]}");
        JsonObject run = created(tester.post(host, "/api/runs", "{\"planId\":" + plan + ",\"summary\":\"r\","
                + "\"defaultTester\":\"tester-" + suffix + "\"}"));
        long runId = id(run.getJsonObject("run"));
        List<JsonObject> executions = objects(run, "executions");
        tester.put(host, "/api/runs/" + runId + "/executions/" + id(executions.get(0)), "{\"status\":\"PASSED\"}");

        JsonObject idle = tester.get(host, "/api/executions?assignee=TESTER-" + suffix + "&status=idle").json()
                .asJsonObject();
        assertEquals(1, idle.getInt("total"));
        assertEquals("Two", objects(idle, "items").get(0).getString("caseSummary"));
        assertEquals(204, tester.delete(host, "/api/runs/" + runId + "/executions/" + id(executions.get(1))).status());
        JsonObject after = tester.get(host, "/api/runs/" + runId).json().asJsonObject();
        assertEquals(1, objects(after, "executions").size());
        assertFalse(after.getJsonObject("run").containsKey("finishedAt"), "open until someone finishes it");

        long comment = id(created(tester.post(host, "/api/runs/" + runId + "/comments", "{\"text\":\"typo\"}")));
        assertEquals("fixed", tester.put(host, "/api/comments/" + comment, "{\"text\":\"fixed\"}").json()
                .asJsonObject().getString("text"));
        assertEquals(403, owner.put(host, "/api/comments/" + comment, "{\"text\":\"mine now\"}").status(),
                "only its author changes a comment");
        assertEquals(204, owner.delete(host, "/api/comments/" + comment).status(), "who may change the run removes it");
        assertEquals(0, tester.get(host, "/api/runs/" + runId + "/comments").json().asJsonObject().getInt("total"));
    }

    @Test
    void everyChangeToACaseIsKeptWithWhoAndWhen() {
        JsonObject created = created(tester.post(host, "/api/cases", caseJson("Search", "PROPOSED", 3, "search")));
        JsonObject changed = owner.put(host, "/api/cases/" + id(created), caseJson("Search by name", "CONFIRMED", 3,
                "search").replace("}", ",\"rowVersion\":" + created.getInt("rowVersion") + "}")).json().asJsonObject();
        assertEquals("Search by name", changed.getString("summary"));
        List<JsonObject> history = owner.get(host, "/api/cases/" + id(created) + "/history").json().asJsonObject()
                .getJsonArray("items").getValuesAs(JsonObject.class);
        Map<String, JsonObject> byField = history.stream().collect(Collectors.toMap(h -> h.getString("field"), h -> h));
        assertEquals(java.util.Set.of("summary", "status"), byField.keySet(), "unchanged fields leave no trace");
        assertEquals("Search", byField.get("summary").getString("oldValue"));
        assertEquals("owner-" + suffix, byField.get("status").getString("by"));
        String page = owner.page(host, "/case.xhtml?id=" + id(created)).body();
        assertTrue(page.contains(">Proposed</span>") && page.contains(" Confirmed</td>"),
                "a status in the history in the reader's words, not PROPOSED → CONFIRMED: " + page);

        Tenantry.Reply stale = tester.put(host, "/api/cases/" + id(created), "{\"summary\":\"Search by tag\","
                + "\"rowVersion\":" + created.getInt("rowVersion") + "}");
        assertEquals(409, stale.status(), "a save over someone else's is refused: " + stale);
        assertEquals("Search by name", owner.get(host, "/api/cases/" + id(created)).json().asJsonObject()
                .getString("summary"));
    }

    @Test
    void listsArePagedSortedAndFilteredAndSayWhatTheyDoNotKnow() {
        for (int priority = 1; priority <= 5; priority++) {
            created(tester.post(host, "/api/cases", caseJson("Case " + priority, "CONFIRMED", priority,
                    priority % 2 == 0 ? "even" : "odd")));
        }
        JsonObject page = tester.get(host, "/api/cases?limit=2&offset=1&sort=priority&order=desc").json()
                .asJsonObject();
        assertEquals(5, page.getInt("total"));
        assertEquals(List.of(4L, 3L), objects(page, "items").stream()
                .map(c -> (long) c.getInt("priority")).toList());
        JsonObject last = tester.get(host, "/api/cases?offset=4&limit=2").json().asJsonObject();
        assertEquals(List.of(5L), objects(last, "items").stream().map(c -> (long) c.getInt("priority")).toList());
        assertEquals(5, last.getInt("total"));
        JsonObject beyond = tester.get(host, "/api/cases?offset=10").json().asJsonObject();
        assertEquals(0, beyond.getJsonArray("items").size());
        assertEquals(5, beyond.getInt("total"), "counted when the window is past the end");
        assertEquals(2, tester.get(host, "/api/cases?tag=even").json().asJsonObject().getInt("total"));
        assertEquals(1, tester.get(host, "/api/cases?summary=case%203&status=confirmed").json().asJsonObject()
                .getInt("total"));

        JsonObject unknownFilter = tester.get(host, "/api/cases?colour=red").json().asJsonObject();
        assertTrue(unknownFilter.getJsonObject("errors").containsKey("colour"), unknownFilter.toString());
        assertEquals(400, tester.get(host, "/api/cases?sort=password").status());
        assertEquals(400, tester.get(host, "/api/cases?priority=high").status());
    }

    @Test
    void aListReadsWhatItsItemsShowOncePerPageNotOncePerItem() {
        long other = id(created(owner.post(host, "/api/products", "{\"name\":\"Back office\"}")));
        for (long p : List.of(product, other)) {
            for (String version : List.of("1.0", "2.0")) {
                created(owner.post(host, "/api/products/" + p + "/versions", "{\"value\":\"" + version + "\"}"));
            }
        }
        long plan = id(created(owner.post(host, "/api/plans", "{\"productId\":" + product + ",\"name\":\"P1\"}")));
        created(owner.post(host, "/api/plans", "{\"productId\":" + other + ",\"name\":\"P2\"}"));
        List<Long> cases = IntStream.range(0, 6).mapToObj(i -> id(created(tester.post(host, "/api/cases",
                caseJson("Case " + i, "CONFIRMED", 1, "tag-" + i))))).toList();
        owner.post(host, "/api/plans/" + plan + "/cases", "{\"caseIds\":" + cases + "}");
        long run = 0;
        for (String summary : List.of("r1", "r2")) {
            run = id(created(tester.post(host, "/api/runs", "{\"planId\":" + plan + ",\"summary\":\"" + summary
                    + "\"}")).getJsonObject("run"));
        }
        String runPath = "/api/runs/" + run;

        assertEquals(1, read("/api/products").reading("product_version"));
        RanStatements caseList = read("/api/cases");
        assertEquals(1, caseList.reading("case_tag"), caseList.toString());
        assertEquals(1, caseList.reading("product"), caseList.toString());
        assertEquals(1, read("/api/plans").reading("product"));
        assertEquals(1, read("/api/runs").reading("test_plan"));
        RanStatements executionList = read("/api/executions");
        assertEquals(1, executionList.reading("test_run"), executionList.toString());
        assertEquals(1, executionList.reading("test_case"), executionList.toString());
        assertEquals(1, read(runPath).reading("test_case"), "the run, its executions and their cases in one query");
        assertEquals(IntStream.range(0, 6).mapToObj(i -> "Case " + i).toList(), objects(tester.get(host, runPath)
                .json().asJsonObject(), "executions").stream().map(e -> e.getString("caseSummary")).toList());
    }

    /** The statements one successful GET of the tester's ran. */
    private RanStatements read(String path) {
        return RanStatements.during(() -> assertEquals(200, tester.get(host, path).status(), path));
    }

    @Test
    void aRefusedInputNamesItsFieldInTheCallersLanguage() {
        JsonObject noSummary = tester.post(host, "/api/cases", "{\"productId\":" + product + "}").json().asJsonObject();
        assertEquals(400, noSummary.getInt("status"));
        assertTrue(noSummary.getJsonObject("errors").containsKey("summary"), noSummary.toString());
        assertTrue(tester.post(host, "/api/cases", "{\"productId\":" + product + ",\"summary\":\"x\",\"priority\":9}")
                .json().asJsonObject().getJsonObject("errors").containsKey("priority"));
        JsonObject stranger = tester.inLanguage("de").post(host, "/api/cases", "{\"productId\":" + product
                + ",\"summary\":\"x\",\"defaultTester\":\"admin\"}").json().asJsonObject();
        assertTrue(stranger.getJsonObject("errors").getString("defaultTester").contains("kein berechtigter Benutzer"),
                stranger.toString());
        assertTrue(tester.post(host, "/api/cases", "{\"productId\":" + product + ",\"summary\":\""
                + "s".repeat(501) + "\"}").json().asJsonObject().getJsonObject("errors").containsKey("summary"));
        assertEquals(0, tester.get(host, "/api/cases").json().asJsonObject().getInt("total"), "nothing was kept");
    }

    /**
     * Tenant tables name accounts without a foreign key into public (tenant migration V6_3): the
     * services that write them are what keeps a tenant from storing an account that does not exist.
     */
    @Test
    void noWriterStoresAnAccountThatDoesNotExist() throws SQLException {
        String nobody = "nobody-" + suffix;
        JsonObject testCase = tester.post(host, "/api/cases", "{\"productId\":" + product
                + ",\"summary\":\"x\",\"defaultTester\":\"" + nobody + "\"}").json().asJsonObject();
        assertEquals(400, testCase.getInt("status"), testCase.toString());
        assertTrue(testCase.getJsonObject("errors").containsKey("defaultTester"), testCase.toString());
        long plan = id(created(owner.post(host, "/api/plans", "{\"productId\":" + product + ",\"name\":\"P\"}")));
        long build = id(created(owner.post(host, "/api/products/" + product + "/builds", "{\"name\":\"b1\"}")));
        for (String field : List.of("manager", "defaultTester")) {
            JsonObject run = owner.post(host, "/api/runs", "{\"planId\":" + plan + ",\"buildId\":" + build
                    + ",\"summary\":\"r\",\"" + field + "\":\"" + nobody + "\"}").json().asJsonObject();
            assertEquals(400, run.getInt("status"), run.toString());
            assertTrue(run.getJsonObject("errors").containsKey(field), run.toString());
        }
        long group = owner.get(host, "/api/groups").json().asJsonObject().getJsonArray("items").getJsonObject(0)
                .getJsonNumber("id").longValue();
        int added = owner.post(host, "/api/groups/" + group + "/members", "{\"username\":\"" + nobody + "\"}").status();
        assertTrue(added == 400 || added == 404, "an unknown user joins no group: " + added);

        String schema = "ws_" + suffix.replace('-', '_');
        try (Connection db = TestDatabase.connect(); Statement sql = db.createStatement();
             ResultSet orphans = sql.executeQuery("SELECT count(*) FROM (" + String.join(" UNION ALL ", List.of(
                     "SELECT account_id AS id FROM %1$s.group_member", "SELECT author_id FROM %1$s.test_plan",
                     "SELECT updated_by FROM %1$s.plan_document", "SELECT author_id FROM %1$s.test_case",
                     "SELECT default_tester_id FROM %1$s.test_case", "SELECT account_id FROM %1$s.case_change",
                     "SELECT manager_id FROM %1$s.test_run", "SELECT default_tester_id FROM %1$s.test_run",
                     "SELECT assignee_id FROM %1$s.test_execution", "SELECT author_id FROM %1$s.comment",
                     "SELECT uploaded_by FROM %1$s.attachment")).formatted("\"" + schema + "\"")
                     + ") named WHERE id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM public.account a WHERE a.id = named.id)")) {
            orphans.next();
            assertEquals(0, orphans.getInt(1), "every account the tenant names exists");
        }
        try (Connection db = TestDatabase.connect(); Statement sql = db.createStatement();
             ResultSet keys = sql.executeQuery("SELECT count(*) FROM pg_constraint WHERE contype = 'f'"
                     + " AND confrelid = 'public.account'::regclass AND connamespace = to_regnamespace('\"" + schema + "\"')")) {
            keys.next();
            assertEquals(0, keys.getInt(1), "no foreign key into public guards it any longer");
        }
    }

    @Test
    void aJUnitReportFeedsARun() throws IOException {
        long plan = id(created(owner.post(host, "/api/plans", "{\"productId\":" + product + ",\"name\":\"CI\"}")));
        long run = id(created(tester.post(host, "/api/runs", "{\"planId\":" + plan + ",\"summary\":\"nightly\"}"))
                .getJsonObject("run"));
        String report = resource("/junit/TEST-demo.CheckoutTest.xml");

        Tenantry.Reply imported = tester.post(host, "/api/runs/" + run + "/junit", "application/xml", report);
        assertEquals(200, imported.status(), imported.toString());
        JsonObject outcome = imported.json().asJsonObject();
        assertEquals(Map.of("cases", 4, "passed", 1, "failed", 2, "waived", 1, "casesCreated", 4),
                outcome.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                        e -> ((jakarta.json.JsonNumber) e.getValue()).intValue())));
        Map<String, JsonObject> executions = objects(tester.get(host, "/api/runs/" + run).json().asJsonObject(),
                "executions").stream().collect(Collectors.toMap(e -> e.getString("caseSummary"), e -> e));
        assertEquals("FAILED", executions.get("demo.CheckoutTest.chargesTheCard").getString("status"));
        assertEquals("payment gateway unreachable",
                executions.get("demo.CheckoutTest.chargesTheCard").getString("comment"));
        assertEquals("WAIVED", executions.get("demo.CheckoutTest.computesTax").getString("status"));
        assertEquals("PASSED", executions.get("demo.CheckoutTest.addsItemsToTheBasket").getString("status"));
        assertEquals(4, longs(tester.get(host, "/api/plans/" + plan).json().asJsonObject(), "caseIds").size());

        long second = id(created(tester.post(host, "/api/runs", "{\"planId\":" + plan + ",\"summary\":\"again\"}"))
                .getJsonObject("run"));
        assertEquals(4, objects(tester.get(host, "/api/runs/" + second).json().asJsonObject(), "executions").size(),
                "imported cases are confirmed, so the next run has them");
        assertEquals(0, tester.post(host, "/api/runs/" + second + "/junit", "text/xml", report).json().asJsonObject()
                .getInt("casesCreated"), "cases are matched by name");

        assertEquals(400, tester.post(host, "/api/runs/" + run + "/junit", "application/xml", "<testsuite><testcase")
                .status());
        String entityAttack = "<?xml version=\"1.0\"?><!DOCTYPE t [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<testsuite><testcase classname=\"a\" name=\"&x;\"/></testsuite>";
        assertEquals(400, tester.post(host, "/api/runs/" + run + "/junit", "application/xml", entityAttack).status());
        assertEquals(4, tester.get(host, "/api/cases?product=" + product).json().asJsonObject().getInt("total"),
                "refused reports change nothing");
    }

    @Test
    void eachRoleMayDoWhatItsGroupsAllow() {
        Tenantry viewer = app.newAccount("viewer-" + suffix);
        owner.bringIn(host, "viewer-" + suffix);
        long tester = owner.groupId(host, "Tester");
        assertEquals(204, owner.delete(host, "/api/groups/" + tester + "/members/viewer-" + suffix).status());
        Tenantry.Reply group = owner.post(host, "/api/groups", "{\"name\":\"Readers\",\"permissions\":"
                + "[\"CASE_VIEW\",\"RUN_VIEW\"]}");
        assertEquals(201, group.status(), group.toString());
        String readers = group.location().substring(group.location().lastIndexOf('/') + 1);
        assertEquals(204, owner.post(host, "/api/groups/" + readers + "/members",
                "{\"username\":\"viewer-" + suffix + "\"}").status());
        long caseId = id(created(this.tester.post(host, "/api/cases", caseJson("Read me", "CONFIRMED", 3, "x"))));

        assertEquals(200, viewer.get(host, "/api/cases/" + caseId).status());
        assertEquals(403, viewer.post(host, "/api/cases", caseJson("No", "CONFIRMED", 3, "x")).status());
        assertEquals(403, viewer.put(host, "/api/cases/" + caseId, caseJson("No", "CONFIRMED", 3, "x")).status());
        assertEquals(403, viewer.post(host, "/api/cases/" + caseId + "/comments", "{\"text\":\"no\"}").status());
        assertEquals(403, viewer.get(host, "/api/plans").status(), "plans are not in the group");
        assertEquals(403, app.newAccount("stranger-" + suffix).get(host, "/api/cases/" + caseId).status());
        assertEquals(401, app.anonymous().get(host, "/api/cases/" + caseId).status());
        assertEquals(200, viewer.page(host, "/cases.xhtml").status());
        Tenantry.Reply readOnly = viewer.page(host, "/case.xhtml?id=" + caseId);
        assertTrue(readOnly.body().contains("Read me") && !readOnly.body().contains("case:save"),
                "the case is shown without a save button");
        assertEquals(403, viewer.page(host, "/plans.xhtml").status(), "the gate knows the page's permission");

        assertEquals(200, owner.put(host, "/api/settings", "{\"name\":\"WS\",\"organization\":\"\",\"publiclyReadable\":true}").status());
        Tenantry anonymous = app.anonymous();
        assertEquals(200, anonymous.get(host, "/api/cases/" + caseId).status(), "anyone may read now");
        assertEquals(401, anonymous.put(host, "/api/cases/" + caseId, caseJson("No", "CONFIRMED", 3, "x")).status());
        assertFalse(anonymous.page(host, "/case.xhtml?id=" + caseId).body().contains("case:save"));
        assertEquals(204, owner.delete(host, "/api/cases/" + caseId).status());
    }

    @Test
    void theSameIdsInTwoTenantsNameDifferentThings() {
        Tenantry other = app.newAccount("other-" + suffix);
        assertEquals(201, app.createTenant("ws2-" + suffix, "WS2", "other-" + suffix).status());
        String otherHost = Tenantry.host("ws2-" + suffix);
        long otherProduct = id(created(other.post(otherHost, "/api/products", "{\"name\":\"Shop\"}")));
        long mine = id(created(owner.post(host, "/api/cases", caseJson("Mine", "CONFIRMED", 1, "a"))));
        long theirs = id(created(other.post(otherHost, "/api/cases", "{\"productId\":" + otherProduct
                + ",\"summary\":\"Theirs\",\"status\":\"CONFIRMED\"}")));
        assertEquals(mine, theirs, "fresh tenants count from the same first id");
        assertEquals(product, otherProduct);

        assertEquals("Mine", owner.get(host, "/api/cases/" + mine).json().asJsonObject().getString("summary"));
        assertEquals("Theirs", other.get(otherHost, "/api/cases/" + theirs).json().asJsonObject().getString("summary"));
        assertEquals(403, owner.get(otherHost, "/api/cases/" + theirs).status());
        assertEquals(403, owner.put(otherHost, "/api/cases/" + theirs, caseJson("Taken", "CONFIRMED", 1, "a")).status());
        assertEquals(204, other.delete(otherHost, "/api/cases/" + theirs).status());
        assertEquals("Mine", owner.get(host, "/api/cases/" + mine).json().asJsonObject().getString("summary"));
        assertEquals(404, other.get(otherHost, "/api/cases/" + mine).status(), "deleted there, still here");
        assertEquals(1, owner.get(host, "/api/cases").json().asJsonObject().getInt("total"));
        assertEquals(0, other.get(otherHost, "/api/cases").json().asJsonObject().getInt("total"));
        assertEquals(404, other.get(otherHost, "/api/cases/" + mine + "/comments").status());

        assertTrue(owner.page(host, "/case.xhtml?id=" + mine).body().contains("Mine"));
        assertEquals(403, owner.page(otherHost, "/case.xhtml?id=" + mine).status(), "a page on another tenant's host");
        assertEquals(404, other.page(otherHost, "/case.xhtml?id=" + mine).status(), "the id names nothing there now");
        assertFalse(other.page(otherHost, "/cases.xhtml").body().contains("Mine"));
    }

    @Test
    void everyWorkspaceEndpointAnswersFromItsOwnTenantOnly() {
        Tenantry other = app.newAccount("other-" + suffix);
        assertEquals(201, app.createTenant("ws3-" + suffix, "WS3", "other-" + suffix).status());
        String otherHost = Tenantry.host("ws3-" + suffix);
        String[] marks = {"Ours", "Theirs"};
        Tenantry[] owners = {owner, other};
        String[] hosts = {host, otherHost};
        for (int t = 0; t < 2; t++) {
            Tenantry who = owners[t];
            String where = hosts[t];
            long productId = t == 0 ? product : id(created(who.post(where, "/api/products", "{\"name\":\"Shop\"}")));
            long build = id(created(who.post(where, "/api/products/" + productId + "/builds",
                    "{\"name\":\"" + marks[t] + " build\"}")));
            long caseId = id(created(who.post(where, "/api/cases", "{\"productId\":" + productId + ",\"summary\":\""
                    + marks[t] + " case\",\"status\":\"CONFIRMED\"}")));
            who.put(where, "/api/cases/" + caseId, "{\"summary\":\"" + marks[t] + " case, changed\",\"status\":\"CONFIRMED\"}");
            long plan = id(created(who.post(where, "/api/plans", "{\"productId\":" + productId + ",\"name\":\""
                    + marks[t] + " plan\",\"document\":\"" + marks[t] + " document\"}")));
            who.post(where, "/api/plans/" + plan + "/cases", "{\"caseIds\":[" + caseId + "]}");
            long run = id(created(who.post(where, "/api/runs", "{\"planId\":" + plan + ",\"buildId\":" + build
                    + ",\"summary\":\"" + marks[t] + " run\"}")).getJsonObject("run"));
            who.post(where, "/api/runs/" + run + "/comments", "{\"text\":\"" + marks[t] + " comment\"}");
            who.post(where, "/api/cases/" + caseId + "/attachments?name=" + marks[t] + ".txt", "text/plain",
                    (marks[t] + " file").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        for (String path : List.of("/api/cases", "/api/cases/1", "/api/cases/1/history", "/api/cases/1/attachments",
                "/api/plans", "/api/plans/1", "/api/runs", "/api/runs/1", "/api/runs/1/comments",
                "/api/runs/1/executions/1", "/api/executions", "/api/products/1/builds")) {
            for (int t = 0; t < 2; t++) {
                Tenantry.Reply reply = owners[t].get(hosts[t], path);
                assertEquals(200, reply.status(), path + " " + reply);
                assertTrue(reply.body().contains(marks[t]), path + " shows its tenant's rows: " + reply.body());
                assertFalse(reply.body().contains(marks[1 - t]), path + " shows nothing of the other: " + reply.body());
                assertEquals(403, owners[1 - t].get(hosts[t], path).status(), path + " refuses the other's owner");
            }
        }
        for (String page : List.of("/", "/cases.xhtml", "/case.xhtml?id=1", "/plans.xhtml", "/plan.xhtml?id=1",
                "/runs.xhtml", "/run.xhtml?id=1", "/dashboard.xhtml")) {
            for (int t = 0; t < 2; t++) {
                Tenantry.Reply reply = owners[t].page(hosts[t], page);
                assertEquals(200, reply.status(), page);
                assertFalse(reply.body().contains(marks[1 - t] + " "), page + " shows nothing of the other tenant");
                assertEquals(403, owners[1 - t].page(hosts[t], page).status(), page + " refuses the other's owner");
            }
        }
        assertTrue(owner.page(host, "/run.xhtml?id=1").body().contains("Ours case, changed"));
        assertTrue(owner.page(host, "/dashboard.xhtml").body().contains("Ours run"));
    }

    @Test
    void theOpenApiDocumentDescribesTheWorkspace() {
        JsonObject paths = app.get(host, "/openapi").json().asJsonObject().getJsonObject("paths");
        for (String path : List.of("/api/cases", "/api/cases/{id}/history", "/api/plans/{id}/cases", "/api/runs",
                "/api/runs/{id}/executions/{executionId}", "/api/runs/{id}/junit", "/api/products/{id}/builds")) {
            assertTrue(paths.containsKey(path), path + " is documented among " + paths.keySet());
        }
        assertTrue(paths.getJsonObject("/api/runs/{id}/junit").getJsonObject("post").getJsonObject("requestBody")
                .getJsonObject("content").containsKey("application/xml"));
    }

    private String caseJson(String summary, String status, int priority, String tag) {
        return "{\"productId\":" + product + ",\"summary\":\"" + summary + "\",\"status\":\"" + status
                + "\",\"priority\":" + priority + ",\"tags\":[\"" + tag + "\"],\"steps\":\"1. Open\\n2. Check\"}";
    }

    private static JsonObject created(Tenantry.Reply reply) {
        assertEquals(201, reply.status(), reply.toString());
        return reply.json().asJsonObject();
    }

    private static long id(JsonObject object) {
        return object.getJsonNumber("id").longValue();
    }

    private static List<Long> longs(JsonObject object, String name) {
        return object.getJsonArray(name).getValuesAs(jakarta.json.JsonNumber.class).stream()
                .map(jakarta.json.JsonNumber::longValue).toList();
    }

    private static List<JsonObject> objects(JsonObject object, String name) {
        return object.getJsonArray(name).getValuesAs(JsonObject.class);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = WorkspaceIT.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
