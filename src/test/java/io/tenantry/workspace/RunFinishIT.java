package io.tenantry.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.tenantry.testing.DeployedTenantry;
import io.tenantry.testing.Tenantry;
import jakarta.json.JsonObject;

/**
 * A run is finished by a person, not by its last execution: finishing sets its stop time, a finished
 * run refuses every change to its executions (409, saying to re-open it) until it is re-opened, which
 * clears the stop time; a run gets the person who starts it as manager; other tenants see none of it.
 */
class RunFinishIT extends DeployedTenantry {

    private String suffix;
    private String host;
    private Tenantry owner;
    private Tenantry tester;
    private long plan;
    private long caseId;

    @BeforeEach
    void aPlanWithTwoConfirmedCases() {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        owner = app.newAccount("rf-owner-" + suffix);
        tester = app.newAccount("rf-tester-" + suffix);
        assertEquals(201, app.createTenant("rf-" + suffix, "Runs", "rf-owner-" + suffix).status());
        host = Tenantry.host("rf-" + suffix);
        owner.bringIn(host, "rf-tester-" + suffix);
        long product = id(created(owner.post(host, "/api/products", "{\"name\":\"Shop\"}")));
        caseId = id(created(owner.post(host, "/api/cases", "{\"productId\":" + product
                + ",\"summary\":\"Log in\",\"status\":\"CONFIRMED\"}")));
        long other = id(created(owner.post(host, "/api/cases", "{\"productId\":" + product
                + ",\"summary\":\"Log out\",\"status\":\"CONFIRMED\"}")));
        plan = id(created(owner.post(host, "/api/plans", "{\"productId\":" + product + ",\"name\":\"Release\"}")));
        owner.post(host, "/api/plans/" + plan + "/cases", "{\"caseIds\":[" + caseId + "," + other + "]}");
    }

    @Test
    void aFinishedRunRefusesChangesToItsExecutionsUntilItIsReopened() {
        JsonObject created = created(tester.post(host, "/api/runs", "{\"planId\":" + plan + ",\"summary\":\"rc1\"}"));
        JsonObject run = created.getJsonObject("run");
        long runId = id(run);
        assertEquals("rf-tester-" + suffix, run.getString("manager"), "who starts a run manages it");
        List<JsonObject> executions = created.getJsonArray("executions").getValuesAs(JsonObject.class);
        String first = "/api/runs/" + runId + "/executions/" + id(executions.get(0));
        String second = "/api/runs/" + runId + "/executions/" + id(executions.get(1));
        assertEquals(200, tester.put(host, first, "{\"status\":\"PASSED\"}").status());
        assertEquals(200, tester.put(host, second, "{\"status\":\"FAILED\"}").status());
        JsonObject allEnded = tester.get(host, "/api/runs/" + runId).json().asJsonObject().getJsonObject("run");
        assertNotNull(allEnded.getString("startedAt"));
        assertFalse(allEnded.containsKey("finishedAt"), "every execution ended, but nobody finished the run");
        assertEquals(200, tester.put(host, second, "{\"status\":\"PASSED\"}").status(), "so it can still be corrected");

        Tenantry.Reply finished = tester.post(host, "/api/runs/" + runId + "/finish", "{}");
        assertEquals(200, finished.status(), finished.toString());
        assertNotNull(finished.json().asJsonObject().getJsonObject("run").getString("finishedAt"));
        assertEquals(1, tester.get(host, "/api/runs?plan=" + plan + "&finished=true").json().asJsonObject()
                .getInt("total"));

        Tenantry.Reply refused = tester.inLanguage("en").put(host, second, "{\"status\":\"BLOCKED\"}");
        assertEquals(409, refused.status(), refused.toString());
        assertTrue(refused.json().asJsonObject().getString("detail").contains("re-open"), refused.toString());
        assertEquals(409, tester.inLanguage("de").put(host, second, "{\"comment\":\"late\"}").status());
        assertEquals(409, tester.delete(host, second).status());
        assertEquals(409, tester.post(host, "/api/runs/" + runId + "/executions", "{\"caseId\":" + caseId + "}")
                .status());
        assertEquals(409, tester.post(host, "/api/runs/" + runId + "/junit", "application/xml",
                "<testsuite name=\"s\"><testcase classname=\"a\" name=\"b\"/></testsuite>").status());
        assertEquals(409, tester.post(host, "/api/runs/" + runId + "/finish", "{}").status(), "finished already");
        assertEquals("PASSED", tester.get(host, second).json().asJsonObject().getString("status"),
                "nothing changed");

        Tenantry.Reply reopened = tester.post(host, "/api/runs/" + runId + "/reopen", "{}");
        assertEquals(200, reopened.status(), reopened.toString());
        assertFalse(reopened.json().asJsonObject().getJsonObject("run").containsKey("finishedAt"));
        assertEquals(409, tester.post(host, "/api/runs/" + runId + "/reopen", "{}").status(), "open already");
        assertEquals("BLOCKED", tester.put(host, second, "{\"status\":\"BLOCKED\"}").json().asJsonObject()
                .getString("status"));
    }

    @Test
    void theManagerIsAMemberAndCanBeChanged() {
        long runId = id(created(tester.post(host, "/api/runs", "{\"planId\":" + plan + ",\"summary\":\"rc2\"}"))
                .getJsonObject("run"));
        JsonObject changed = owner.put(host, "/api/runs/" + runId, "{\"summary\":\"rc2\",\"manager\":\"rf-owner-"
                + suffix + "\"}").json().asJsonObject().getJsonObject("run");
        assertEquals("rf-owner-" + suffix, changed.getString("manager"));
        Tenantry stranger = app.newAccount("rf-stranger-" + suffix);
        assertEquals(400, owner.put(host, "/api/runs/" + runId, "{\"summary\":\"rc2\",\"manager\":\"rf-stranger-"
                + suffix + "\"}").status(), "only a member manages a run");
        assertEquals(403, stranger.post(host, "/api/runs/" + runId + "/finish", "{}").status());
    }

    @Test
    void anotherTenantCanNeitherSeeNorFinishTheRun() {
        long runId = id(created(tester.post(host, "/api/runs", "{\"planId\":" + plan + ",\"summary\":\"rc3\"}"))
                .getJsonObject("run"));
        Tenantry other = app.newAccount("rf-other-" + suffix);
        assertEquals(201, app.createTenant("rf2-" + suffix, "Other", "rf-other-" + suffix).status());
        String otherHost = Tenantry.host("rf2-" + suffix);
        assertEquals(404, other.get(otherHost, "/api/runs/" + runId).status());
        assertEquals(404, other.post(otherHost, "/api/runs/" + runId + "/finish", "{}").status());
        assertEquals(403, other.post(host, "/api/runs/" + runId + "/finish", "{}").status());
        assertFalse(tester.get(host, "/api/runs/" + runId).json().asJsonObject().getJsonObject("run")
                .containsKey("finishedAt"), "still open");
    }

    private static JsonObject created(Tenantry.Reply reply) {
        assertEquals(201, reply.status(), reply.toString());
        return reply.json().asJsonObject();
    }

    private static long id(JsonObject object) {
        return object.getJsonNumber("id").longValue();
    }
}
