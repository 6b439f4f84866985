package io.tenantry.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

import io.tenantry.testing.DeployedTenantry;
import io.tenantry.testing.SharedState;
import io.tenantry.testing.Tenantry;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * The shapes every client relies on: a create answers 201 with the item made and a {@code Location}
 * that reads it back; a list answers {@code {items,total,offset,limit}}, honours {@code offset} and
 * {@code limit}, and refuses a {@code limit} above the maximum naming it; invitations take a JSON
 * array of addresses. (Comment lists and case history are paged by their own tests.)
 */
@ResourceLock(value = SharedState.PLATFORM_CATALOG, mode = ResourceAccessMode.READ)
class ApiShapesIT extends DeployedTenantry {

    private final String label = "shapes-" + UUID.randomUUID().toString().substring(0, 8);
    private final String host = Tenantry.host(label);
    private final String publicHost = Tenantry.host("public");

    @Test
    void everyCreateAnswers201WithTheItemAndAnAddressThatReadsIt() {
        List<String> faults = new ArrayList<>();
        created(faults, publicHost, app.createTenant(label, "Shapes"));
        created(faults, publicHost, app.post(publicHost, "/api/accounts", "{\"username\":\"made-" + label
                + "\",\"email\":\"made-" + label + "@example.com\",\"password\":\"" + Tenantry.PASSWORD_OF_NEW_ACCOUNTS
                + "\"}"));
        created(faults, publicHost, withPassword().post(publicHost, "/api/me/tokens", "{\"name\":\"" + label + "\"}"));
        created(faults, publicHost, app.post(publicHost, "/api/admin/plans", "{\"name\":\"Plan " + label
                + "\",\"priceCents\":100,\"currency\":\"EUR\"}"));
        created(faults, publicHost, app.post(publicHost, "/api/admin/announcements", "{\"message\":\"Hello " + label
                + "\",\"severity\":\"INFO\",\"endsAt\":\"2030-01-02T00:00:00Z\"}"));
        JsonObject product = created(faults, host, app.post(host, "/api/products", "{\"name\":\"Shop\"}"));
        long productId = product.getJsonNumber("id").longValue();
        created(faults, host, app.post(host, "/api/products/" + productId + "/versions", "{\"value\":\"2.0\"}"));
        created(faults, host, app.post(host, "/api/products/" + productId + "/builds", "{\"name\":\"b1\"}"));
        long plan = created(faults, host, app.post(host, "/api/plans", "{\"productId\":" + productId
                + ",\"name\":\"P\"}")).getJsonNumber("id").longValue();
        long testCase = created(faults, host, app.post(host, "/api/cases", "{\"productId\":" + productId
                + ",\"summary\":\"C\",\"status\":\"CONFIRMED\"}")).getJsonNumber("id").longValue();
        long late = created(faults, host, app.post(host, "/api/cases", "{\"productId\":" + productId
                + ",\"summary\":\"Late\",\"status\":\"CONFIRMED\"}")).getJsonNumber("id").longValue();
        app.post(host, "/api/plans/" + plan + "/cases", "{\"caseIds\":[" + testCase + "]}");
        long run = created(faults, host, app.post(host, "/api/runs", "{\"planId\":" + plan + ",\"summary\":\"R\"}"))
                .getJsonObject("run").getJsonNumber("id").longValue();
        created(faults, host, app.post(host, "/api/runs/" + run + "/executions", "{\"caseId\":" + late + "}"));
        created(faults, host, app.post(host, "/api/groups", "{\"name\":\"Shapers\",\"permissions\":[]}"));
        created(faults, host, app.post(host, "/api/cases/" + testCase + "/attachments?name=a.txt", "text/plain",
                "hello".getBytes(StandardCharsets.UTF_8)));
        JsonObject invited = created(faults, host, app.post(host, "/api/invitations", "{\"emails\":[\"one-" + label
                + "@example.com\"]}"));
        assertEquals(List.of(), faults);
        assertEquals("INVITED", invited.getJsonArray("results").getJsonObject(0).getString("outcome"), invited.toString());
    }

    @Test
    void everyListAnswersTheWindowAskedForInTheDocumentedShape() {
        assertEquals(201, app.createTenant(label, "Shapes").status());
        String person = "member-" + label;
        app.newAccount(person);
        app.bringIn(host, person);
        withPassword().post(publicHost, "/api/me/tokens", "{\"name\":\"one " + label + "\"}");
        withPassword().post(publicHost, "/api/me/tokens", "{\"name\":\"two " + label + "\"}");
        app.post(host, "/api/invitations", "{\"emails\":[\"a-" + label + "@example.com\",\"b-" + label
                + "@example.com\"]}");
        for (String name : List.of("A", "B")) {
            app.post(publicHost, "/api/admin/plans", "{\"name\":\"Plan " + name + label
                    + "\",\"priceCents\":100,\"currency\":\"EUR\"}");
            app.post(publicHost, "/api/admin/announcements", "{\"message\":\"" + name + label
                    + "\",\"severity\":\"INFO\",\"endsAt\":\"2030-01-02T00:00:00Z\"}");
        }
        long product = app.post(host, "/api/products", "{\"name\":\"One\"}").json().asJsonObject()
                .getJsonNumber("id").longValue();
        app.post(host, "/api/products", "{\"name\":\"Two\"}");
        app.post(host, "/api/products/" + product + "/builds", "{\"name\":\"b1\"}");
        app.post(host, "/api/products/" + product + "/builds", "{\"name\":\"b2\"}");
        List<Long> cases = new ArrayList<>();
        for (String summary : List.of("C1", "C2")) {
            cases.add(app.post(host, "/api/cases", "{\"productId\":" + product + ",\"summary\":\"" + summary
                    + "\",\"status\":\"CONFIRMED\"}").json().asJsonObject().getJsonNumber("id").longValue());
            app.post(host, "/api/cases/" + cases.get(0) + "/attachments?name=" + summary + ".txt", "text/plain",
                    summary.getBytes(StandardCharsets.UTF_8));
        }
        long plan = app.post(host, "/api/plans", "{\"productId\":" + product + ",\"name\":\"P1\"}").json()
                .asJsonObject().getJsonNumber("id").longValue();
        app.post(host, "/api/plans", "{\"productId\":" + product + ",\"name\":\"P2\"}");
        app.post(host, "/api/plans/" + plan + "/cases", "{\"caseIds\":" + cases + "}");
        JsonObject run = app.post(host, "/api/runs", "{\"planId\":" + plan + ",\"summary\":\"R1\"}").json().asJsonObject();
        app.post(host, "/api/runs", "{\"planId\":" + plan + ",\"summary\":\"R2\"}");
        long runId = run.getJsonObject("run").getJsonNumber("id").longValue();
        long execution = run.getJsonArray("executions").getJsonObject(0).getJsonNumber("id").longValue();
        for (String name : List.of("r1.txt", "r2.txt")) {
            app.post(host, "/api/runs/" + runId + "/attachments?name=" + name, "text/plain", new byte[] {1});
            app.post(host, "/api/runs/" + runId + "/executions/" + execution + "/attachments?name=" + name, "text/plain",
                    new byte[] {1});
        }
        Map<String, String> lists = new LinkedHashMap<>();
        for (String path : List.of("/api/tenants", "/api/accounts", "/api/me/tokens", "/api/admin/plans",
                "/api/admin/announcements")) {
            lists.put(path, publicHost);
        }
        for (String path : List.of("/api/members", "/api/invitations", "/api/groups", "/api/products",
                "/api/products/" + product + "/builds", "/api/plans", "/api/cases", "/api/runs", "/api/executions",
                "/api/cases/" + cases.get(0) + "/attachments", "/api/runs/" + runId + "/attachments",
                "/api/runs/" + runId + "/executions/" + execution + "/attachments", "/api/audit")) {
            lists.put(path, host);
        }
        List<String> faults = new ArrayList<>();
        lists.forEach((path, on) -> {
            Tenantry.Reply window = app.get(on, path + "?offset=1&limit=1");
            JsonValue body = window.status() == 200 ? window.json() : null;
            if (body == null || body.getValueType() != JsonValue.ValueType.OBJECT
                    || !body.asJsonObject().keySet().equals(Set.of("items", "total", "offset", "limit"))) {
                faults.add(path + " is not {items,total,offset,limit}: " + window);
                return;
            }
            JsonObject page = body.asJsonObject();
            if (page.getInt("offset") != 1 || page.getInt("limit") != 1 || page.getJsonArray("items").size() != 1
                    || page.getJsonNumber("total").longValue() < 2) {
                faults.add(path + " did not answer the second item of two or more: " + page);
            }
            Tenantry.Reply tooMany = app.get(on, path + "?limit=501");
            if (tooMany.status() != 400 || !tooMany.body().contains("500")) {
                faults.add(path + "?limit=501 is not refused naming the maximum: " + tooMany);
            }
            for (String bad : List.of("?limit=0", "?limit=-5", "?offset=-1")) {
                Tenantry.Reply refused = app.get(on, path + bad);
                if (refused.status() != 400) {
                    faults.add(path + bad + " is not refused (put back to a default): " + refused);
                }
            }
            Tenantry.Reply sideways = app.get(on, path + "?order=sideways");
            if (sideways.status() != 400 || !sideways.body().contains("sideways")) {
                faults.add(path + "?order=sideways is not refused naming it: " + sideways);
            }
            JsonValue ascending = app.get(on, path + "?limit=500").json();
            JsonValue descending = app.get(on, path + "?limit=500&order=desc").json();
            List<JsonValue> reversed = new ArrayList<>(ascending.asJsonObject().getJsonArray("items"));
            java.util.Collections.reverse(reversed);
            List<JsonValue> backwards = descending.asJsonObject().getJsonArray("items");
            if (on.equals(publicHost)) {
                // The platform's lists grow and change meanwhile (classes run at once): compared are the items
                // both answers hold, as they hold them, and there must be some.
                List<JsonValue> both = backwards;
                backwards = backwards.stream().filter(reversed::contains).toList();
                reversed = reversed.stream().filter(both::contains).toList();
                if (reversed.size() < 2) {
                    faults.add(path + ": fewer than two items in both orders: " + ascending + " " + descending);
                }
            }
            // The workspace's own lists sort by a column (order=desc sorts it the other way): not compared here.
            boolean sortable = List.of("/api/products", "/api/plans", "/api/cases", "/api/runs", "/api/executions")
                    .contains(path);
            if (!sortable && !reversed.equals(backwards)) {
                faults.add(path + "?order=desc is not the list's own order reversed: " + descending);
            }
        });
        assertEquals(List.of(), faults);
    }

    @Test
    void invitationsTakeAJsonArrayOfAddresses() {
        assertEquals(201, app.createTenant(label, "Shapes").status());
        Tenantry.Reply invited = app.post(host, "/api/invitations", "{\"emails\":[\"x-" + label + "@example.com\",\"y-"
                + label + "@example.com\"]}");
        assertEquals(201, invited.status(), invited.toString());
        assertEquals(2, invited.json().asJsonObject().getJsonArray("results").size(), invited.toString());
        Tenantry.Reply text = app.post(host, "/api/invitations", "{\"emails\":\"z-" + label + "@example.com\"}");
        assertEquals(400, text.status(), "a comma-separated string is not the documented array: " + text);
        assertEquals(2, app.get(host, "/api/invitations").json().asJsonObject().getJsonNumber("total").intValue());
    }

    /** The super-user with the password, as a new token needs it. */
    private Tenantry withPassword() {
        return app.basic(Tenantry.ADMIN, Tenantry.ADMIN_PASSWORD);
    }

    /**
     * Checks one create's answer: 201, a JSON object, a Location that answers 200 and, where it
     * answers JSON, shows the fields the create answered with the same values (an answer may add the
     * one-time secret of a token, or an invitation's outcome per address).
     */
    private JsonObject created(List<String> faults, String on, Tenantry.Reply reply) {
        if (reply.status() != 201 || reply.location() == null || !reply.body().startsWith("{")) {
            faults.add("not 201 with the item and its Location: " + reply + " Location: " + reply.location());
            return reply.body().startsWith("{") ? reply.json().asJsonObject() : JsonValue.EMPTY_JSON_OBJECT;
        }
        JsonObject item = reply.json().asJsonObject();
        String path = java.net.URI.create(reply.location()).getPath();
        Tenantry.Reply read = app.get(on, path);
        if (read.status() != 200) {
            faults.add(reply.location() + " does not read the item made: " + read);
        } else if (read.body().startsWith("{")) {
            JsonObject shown = read.json().asJsonObject();
            JsonObject made = item.containsKey("results") ? item.getJsonArray("results").getJsonObject(0) : item;
            for (String field : made.keySet()) {
                if (shown.containsKey(field) && !shown.get(field).equals(made.get(field))) {
                    faults.add(reply.location() + " shows " + field + "=" + shown.get(field) + ", the create said "
                            + made.get(field));
                }
            }
        } else {
            assertTrue(read.body().length() > 0, reply.location());
        }
        return item;
    }
}
