package io.tenantry.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.tenantry.platform.ListQuery;
import io.tenantry.testing.DeployedTenantry;
import io.tenantry.testing.Tenantry;
import io.tenantry.testing.TestDatabase;
import io.tenantry.testing.WebSession;
import io.tenantry.workspace.cases.CasePage;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * A subject's comments and attachments and a case's history are read a window at a time, however
 * many rows the subject has (an archive can bring tens of thousands): the API answers at most
 * {@link ListQuery#MAX_LIMIT} rows with the whole count, refuses a larger {@code limit} naming the
 * maximum, and the case's page shows the newest few with a way to the older ones.
 */
class PagedSubjectListsIT extends DeployedTenantry {

    /** More than two full windows of the API. */
    private static final int MANY = 2 * ListQuery.MAX_LIMIT + 7;

    private String label;
    private String host;
    private Tenantry owner;
    private long caseId;
    private long runId;
    private long executionId;

    @BeforeEach
    void aCaseWithManyCommentsAndChanges() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        label = "paged-" + suffix;
        owner = app.newAccount("owner-" + suffix);
        assertEquals(201, app.createTenant(label, "Paged", "owner-" + suffix).status());
        host = Tenantry.host(label);
        long product = id(owner.post(host, "/api/products", "{\"name\":\"Shop\"}"));
        caseId = id(owner.post(host, "/api/cases", "{\"productId\":" + product
                + ",\"summary\":\"Log in\",\"status\":\"CONFIRMED\"}"));
        long plan = id(owner.post(host, "/api/plans", "{\"productId\":" + product + ",\"name\":\"Release\"}"));
        owner.post(host, "/api/plans/" + plan + "/cases", "{\"caseIds\":[" + caseId + "]}");
        JsonObject run = owner.post(host, "/api/runs", "{\"planId\":" + plan + ",\"summary\":\"rc\"}").json().asJsonObject();
        runId = run.getJsonObject("run").getJsonNumber("id").longValue();
        executionId = run.getJsonArray("executions").getJsonObject(0).getJsonNumber("id").longValue();
        // As an archive brings them: many rows at once, straight into the tenant's tables.
        try (Connection db = TestDatabase.connect(); PreparedStatement comments = db.prepareStatement("INSERT INTO \""
                + label.replace('-', '_') + "\".comment (subject, subject_id, author_id, text, created_at)"
                + " SELECT s.subject, s.id, (SELECT id FROM public.account WHERE username = ?), 'comment ' || n,"
                + " now() - make_interval(secs => ? - n) FROM generate_series(1, ?) n,"
                + " (VALUES ('CASE', ?::bigint), ('RUN', ?), ('EXECUTION', ?)) s (subject, id)");
             PreparedStatement changes = db.prepareStatement("INSERT INTO \"" + label.replace('-', '_')
                + "\".case_change (case_id, account_id, changed_at, field, old_value, new_value)"
                + " SELECT ?, NULL, now() - make_interval(secs => ? - n), 'summary', 'was ' || n, 'change ' || n"
                + " FROM generate_series(1, ?) n");
             PreparedStatement attachments = db.prepareStatement("INSERT INTO \"" + label.replace('-', '_')
                + "\".attachment (subject, subject_id, file_name, content_type, size)"
                + " SELECT 'CASE', ?, 'file ' || n, 'text/plain', 1 FROM generate_series(1, ?) n")) {
            comments.setString(1, "owner-" + suffix);
            comments.setInt(2, MANY);
            comments.setInt(3, MANY);
            comments.setLong(4, caseId);
            comments.setLong(5, runId);
            comments.setLong(6, executionId);
            comments.executeUpdate();
            changes.setLong(1, caseId);
            changes.setInt(2, MANY);
            changes.setInt(3, MANY);
            changes.executeUpdate();
            attachments.setLong(1, caseId);
            attachments.setInt(2, MANY);
            attachments.executeUpdate();
        }
    }

    @Test
    void everyListOfASubjectAnswersAWindowAndTheWholeCount() {
        for (String list : List.of("/api/cases/" + caseId + "/comments", "/api/runs/" + runId + "/comments",
                "/api/runs/" + runId + "/executions/" + executionId + "/comments", "/api/cases/" + caseId + "/history",
                "/api/cases/" + caseId + "/attachments")) {
            String word = list.endsWith("history") ? "change " : list.endsWith("attachments") ? "file " : "comment ";
            JsonObject first = page(list);
            assertEquals(MANY, first.getInt("total"), list);
            assertEquals(0, first.getInt("offset"), list);
            assertTrue(first.getJsonArray("items").size() <= ListQuery.MAX_LIMIT, list);

            JsonObject last = page(list + "?offset=" + (MANY - 3) + "&limit=" + ListQuery.MAX_LIMIT);
            assertEquals(MANY, last.getInt("total"), list);
            assertEquals(ListQuery.MAX_LIMIT, last.getInt("limit"), list);
            List<String> texts = texts(last, list);
            assertEquals(List.of(word + (MANY - 2), word + (MANY - 1), word + MANY), texts, "oldest first: " + list);

            JsonObject full = page(list + "?limit=" + ListQuery.MAX_LIMIT);
            assertEquals(ListQuery.MAX_LIMIT, full.getJsonArray("items").size(), list);
            assertEquals(word + 1, texts(full, list).get(0), list);

            Tenantry.Reply tooMany = owner.get(host, list + "?limit=" + (ListQuery.MAX_LIMIT + 1));
            assertEquals(400, tooMany.status(), list + ": " + tooMany);
            assertTrue(tooMany.body().contains(String.valueOf(ListQuery.MAX_LIMIT)), "names the maximum: " + tooMany);
            assertEquals(400, owner.get(host, list + "?offset=-1").status(), list);
        }
    }

    @Test
    void anotherTenantReadsNoneOfThem() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Tenantry stranger = app.newAccount("stranger-" + suffix);
        assertEquals(201, app.createTenant("other-" + suffix, "Other", "stranger-" + suffix).status());
        for (String list : List.of("/api/cases/" + caseId + "/comments", "/api/cases/" + caseId + "/history",
                "/api/runs/" + runId + "/comments", "/api/cases/" + caseId + "/attachments")) {
            Tenantry.Reply onOwnHost = stranger.get(Tenantry.host("other-" + suffix), list);
            assertEquals(404, onOwnHost.status(), "the same id on the stranger's tenant names nothing: " + onOwnHost);
            Tenantry.Reply onOurs = stranger.get(host, list);
            assertEquals(403, onOurs.status(), "a stranger may not read ours: " + onOurs);
            assertFalse(onOurs.body().contains("comment 1"), onOurs.body());
        }
    }

    @Test
    void theCasePageShowsTheNewestCommentsAndChangesAndTheWayToOlderOnes() {
        Tenantry.Reply page = owner.page(host, "/case.xhtml?id=" + caseId);
        assertEquals(200, page.status(), page.toString());
        String body = page.body();
        int comments = count(body, "class=\"comment-item\"");
        assertTrue(comments > 0 && comments <= 50, comments + " comments shown of " + MANY);
        assertTrue(body.contains("comment " + MANY + "</p>"), "the newest comment is shown");
        assertFalse(body.contains("comment 1</p>"), "the oldest is not");
        assertTrue(body.contains("change " + MANY + "<"), "the newest change is shown");
        assertFalse(body.contains("change 1<"), "the oldest change is not");
        assertTrue(count(body, "change ") <= 60, "a window of the history, not all " + MANY);
        int attachments = count(body, "class=\"attachment-link\"");
        assertTrue(attachments > 0 && attachments <= 50, attachments + " attachments shown of " + MANY);
        assertTrue(body.contains(">file " + MANY + "<"), "the newest attachment is shown");
        assertTrue(body.contains("id=\"commentsWindow:older\"") && body.contains("id=\"historyWindow:older\"")
                && body.contains("id=\"attachmentsWindow:older\""),
                "a way to the older ones");
    }

    @Test
    void olderCommentsAndChangesAreAButtonAway() {
        assertEquals(200, app.onPublic("PUT", "/api/tenants/" + label, "{\"publiclyReadable\":true}").status());
        WebSession browser = new WebSession(app.server());
        WebSession.Page newest = browser.get(WebSession.url(label, "/case.xhtml?id=" + caseId));
        assertEquals(200, newest.status(), newest.body());

        WebSession.Page older = browser.submit(newest, "commentsWindow", Map.of(), "commentsWindow:older");
        assertEquals(200, older.status(), older.body());
        assertTrue(older.body().contains("comment " + (MANY - CasePage.SHOWN) + "</p>"), "the next older window");
        assertFalse(older.body().contains("comment " + MANY + "</p>"), "without the newest");
        WebSession.Page back = browser.submit(older, "commentsWindow", Map.of(), "commentsWindow:newer");
        assertTrue(back.body().contains("comment " + MANY + "</p>"), "and back to the newest");

        WebSession.Page olderChanges = browser.submit(back, "historyWindow", Map.of(), "historyWindow:older");
        assertTrue(olderChanges.body().contains("change " + (MANY - CasePage.SHOWN) + "<"), olderChanges.body());
        assertFalse(olderChanges.body().contains("change " + MANY + "<"), "without the newest change");
    }

    private JsonObject page(String list) {
        Tenantry.Reply reply = owner.get(host, list);
        assertEquals(200, reply.status(), list + ": " + reply);
        assertEquals(JsonValue.ValueType.OBJECT, reply.json().getValueType(), list + " answers {items,total,offset,limit}");
        return reply.json().asJsonObject();
    }

    private static List<String> texts(JsonObject page, String list) {
        return page.getJsonArray("items").stream().map(JsonValue::asJsonObject)
                .map(item -> item.getString(list.endsWith("history") ? "newValue"
                        : list.endsWith("attachments") ? "fileName" : "text")).toList();
    }

    private static int count(String text, String part) {
        Matcher found = Pattern.compile(Pattern.quote(part)).matcher(text);
        int count = 0;
        while (found.find()) {
            count++;
        }
        return count;
    }

    private static long id(Tenantry.Reply reply) {
        assertEquals(201, reply.status(), reply.toString());
        return reply.json().asJsonObject().getJsonNumber("id").longValue();
    }
}
