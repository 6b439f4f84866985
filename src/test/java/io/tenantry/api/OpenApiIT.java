package io.tenantry.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

import io.tenantry.testing.DeployedTenantry;
import io.tenantry.testing.SharedState;
import io.tenantry.testing.TestMail;
import io.tenantry.testing.Tenantry;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

/**
 * The OpenAPI document (/openapi) against the API as it answers: every JAX-RS endpoint of the WAR
 * (found by reflection) is in the document, and every operation of the document is called once, in
 * an order that makes what later calls need, each answering with a status the document names and,
 * for JSON, top-level fields of the documented types (none undocumented, every required one there).
 * The document read is kept in target/openapi.json.
 */
@ResourceLock(value = SharedState.PLATFORM_CATALOG, mode = ResourceAccessMode.READ)
@ResourceLock(SharedState.RESTORE_POINT_SLOTS)
class OpenApiIT extends DeployedTenantry {

    private final String label = "oa-" + UUID.randomUUID().toString().substring(0, 8);
    private final String host = Tenantry.host(label);
    private final String publicHost = Tenantry.host("public");
    private final List<String> faults = new ArrayList<>();
    private final TreeSet<String> called = new TreeSet<>();
    private JsonObject document;

    @Test
    void everyEndpointIsDocumented() throws Exception {
        TreeSet<String> documented = operations(read());
        List<String> missing = endpoints().stream().filter(endpoint -> !documented.contains(endpoint)).toList();
        assertEquals(List.of(), missing, "endpoints missing from " + documented);
    }

    @Test
    void everyDocumentedOperationAnswersAsDocumented() throws Exception {
        document = read();
        callEveryOperation();
        assertEquals(List.of(), faults, "answers that differ from the document");
        assertEquals(operations(document), called, "the operations called are the document's");
    }

    private void callEveryOperation() {
        Tenantry admin = app;
        Tenantry withPassword = app.basic(Tenantry.ADMIN, Tenantry.ADMIN_PASSWORD);
        String joiner = "oa-joiner-" + label;
        String member = "oa-member-" + label;
        String made = "oa-made-" + label;
        app.newAccount(joiner);
        app.newAccount(member);
        Tenantry asJoiner = app.basic(joiner, Tenantry.PASSWORD_OF_NEW_ACCOUNTS);

        call("POST", "/api/tenants", publicHost, "/api/tenants", json("{\"label\":\"" + label + "\",\"name\":\"OA\"}"));
        call("GET", "/api/tenants", publicHost, "/api/tenants", null);
        call("GET", "/api/tenants/{label}", publicHost, "/api/tenants/" + label, null);
        call("PUT", "/api/tenants/{label}", publicHost, "/api/tenants/" + label, json("{\"organization\":\"Org\"}"));
        call("POST", "/api/tenants/{label}/upgrade", publicHost, "/api/tenants/" + label + "/upgrade", json(""));
        call("POST", "/api/tenants/{label}/renewals", publicHost, "/api/tenants/" + label + "/renewals",
                json("{\"months\":1}"));
        call("GET", "/api/tenants/{label}/renewals", publicHost, "/api/tenants/" + label + "/renewals", null);
        call("GET", "/api/settings/plan", host, "/api/settings/plan", null);
        call("GET", "/api/settings/renewals", host, "/api/settings/renewals", null);
        call("GET", "/api/me", host, "/api/me", null);
        call("POST", "/api/accounts", publicHost, "/api/accounts", json("{\"username\":\"" + made + "\",\"email\":\""
                + made + "@example.com\",\"password\":\"" + Tenantry.PASSWORD_OF_NEW_ACCOUNTS + "\"}"));
        call("GET", "/api/accounts", publicHost, "/api/accounts", null);
        call("GET", "/api/accounts/{username}", publicHost, "/api/accounts/" + made, null);
        call("PUT", "/api/accounts/{username}", publicHost, "/api/accounts/" + made, json("{\"mayCreateTenants\":true}"));
        long token = id(call(withPassword, "POST", "/api/me/tokens", publicHost, "/api/me/tokens",
                json("{\"name\":\"" + label + "\"}")));
        call("GET", "/api/me/tokens", publicHost, "/api/me/tokens", null);
        call(withPassword, "GET", "/api/me/tokens/{id}", publicHost, "/api/me/tokens/" + token, null);
        long plan = id(call("POST", "/api/admin/plans", publicHost, "/api/admin/plans", json("{\"name\":\"Plan " + label
                + "\",\"priceCents\":100,\"currency\":\"EUR\"}")));
        call("GET", "/api/admin/plans", publicHost, "/api/admin/plans", null);
        call("GET", "/api/admin/plans/{id}", publicHost, "/api/admin/plans/" + plan, null);
        call("PUT", "/api/admin/plans/{id}", publicHost, "/api/admin/plans/" + plan, json("{\"name\":\"Plan " + label
                + "\",\"priceCents\":200,\"currency\":\"EUR\",\"active\":true}"));
        long announcement = id(call("POST", "/api/admin/announcements", publicHost, "/api/admin/announcements",
                json("{\"message\":\"" + label + "\",\"severity\":\"INFO\",\"endsAt\":\"2030-01-02T00:00:00Z\"}")));
        call("GET", "/api/admin/announcements", publicHost, "/api/admin/announcements", null);
        call("GET", "/api/admin/announcements/{id}", publicHost, "/api/admin/announcements/" + announcement, null);

        String invitationToken = TestMail.nextMailTo(Tenantry.emailOf(joiner), "/accept-invitation.xhtml?token=",
                () -> call("POST", "/api/invitations", host, "/api/invitations", json("{\"emails\":[\""
                        + Tenantry.emailOf(joiner) + "\"]}"))).token();
        call(asJoiner, "POST", "/api/me/invitations", publicHost, "/api/me/invitations",
                json("{\"token\":\"" + invitationToken + "\"}"));
        app.bringIn(host, member);
        long invitation = id(call("POST", "/api/invitations", host, "/api/invitations",
                json("{\"emails\":[\"pending-" + label + "@example.com\"]}")).getJsonArray("results").getJsonObject(0));
        call("GET", "/api/invitations", host, "/api/invitations", null);
        call("GET", "/api/invitations/{id}", host, "/api/invitations/" + invitation, null);
        call("POST", "/api/invitations/{id}/resend", host, "/api/invitations/" + invitation + "/resend", json(""));
        call("GET", "/api/members", host, "/api/members", null);

        long group = id(call("POST", "/api/groups", host, "/api/groups", json("{\"name\":\"OA\",\"permissions\":[]}")));
        call("GET", "/api/groups", host, "/api/groups", null);
        call("GET", "/api/groups/{id}", host, "/api/groups/" + group, null);
        call("PUT", "/api/groups/{id}", host, "/api/groups/" + group, json("{\"memberDefault\":false}"));
        call("POST", "/api/groups/{id}/members", host, "/api/groups/" + group + "/members",
                json("{\"username\":\"" + member + "\"}"));
        call("DELETE", "/api/groups/{id}/members/{username}", host, "/api/groups/" + group + "/members/" + member, null);

        call("GET", "/api/settings", host, "/api/settings", null);
        call("PUT", "/api/settings", host, "/api/settings", json("{\"organization\":\"Org\"}"));
        byte[] png = new byte[64];
        System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, 0, png, 0, 8);
        call("PUT", "/api/settings/logo", host, "/api/settings/logo", new Body("image/png", png));
        call("DELETE", "/api/settings/logo", host, "/api/settings/logo", null);

        long product = id(call("POST", "/api/products", host, "/api/products", json("{\"name\":\"Shop\"}")));
        String productPath = "/api/products/" + product;
        call("GET", "/api/products", host, "/api/products", null);
        call("GET", "/api/products/{id}", host, productPath, null);
        call("PUT", "/api/products/{id}", host, productPath, json("{\"name\":\"Shop\",\"description\":\"d\"}"));
        long version = id(call("POST", "/api/products/{id}/versions", host, productPath + "/versions",
                json("{\"value\":\"1.0\"}")));
        call("GET", "/api/products/{id}/versions/{versionId}", host, productPath + "/versions/" + version, null);
        call("PUT", "/api/products/{id}/versions/{versionId}", host, productPath + "/versions/" + version,
                json("{\"value\":\"1.1\"}"));
        long build = id(call("POST", "/api/products/{id}/builds", host, productPath + "/builds",
                json("{\"name\":\"b1\"}")));
        call("GET", "/api/products/{id}/builds", host, productPath + "/builds", null);
        call("GET", "/api/products/{id}/builds/{buildId}", host, productPath + "/builds/" + build, null);
        call("PUT", "/api/products/{id}/builds/{buildId}", host, productPath + "/builds/" + build,
                json("{\"name\":\"b2\",\"active\":true}"));

        String caseJson = "{\"productId\":" + product + ",\"summary\":\"C\",\"status\":\"CONFIRMED\"}";
        long testCase = id(call("POST", "/api/cases", host, "/api/cases", json(caseJson)));
        long late = id(app.post(host, "/api/cases", caseJson).json().asJsonObject());
        String casePath = "/api/cases/" + testCase;
        call("GET", "/api/cases", host, "/api/cases", null);
        call("GET", "/api/cases/{id}", host, casePath, null);
        call("PUT", "/api/cases/{id}", host, casePath, json(caseJson.replace("\"C\"", "\"C1\"")));
        call("GET", "/api/cases/{id}/history", host, casePath + "/history", null);
        long comment = id(call("POST", "/api/cases/{id}/comments", host, casePath + "/comments",
                json("{\"text\":\"hello\"}")));
        call("GET", "/api/cases/{id}/comments", host, casePath + "/comments", null);
        call("PUT", "/api/comments/{id}", host, "/api/comments/" + comment, json("{\"text\":\"hi\"}"));
        long attachment = id(call("POST", "/api/cases/{id}/attachments", host, casePath + "/attachments?name=a.txt",
                new Body("text/plain", "a".getBytes(StandardCharsets.UTF_8))));
        call("GET", "/api/cases/{id}/attachments", host, casePath + "/attachments", null);
        call("GET", "/api/attachments/{id}", host, "/api/attachments/" + attachment, null);

        long testPlan = id(call("POST", "/api/plans", host, "/api/plans", json("{\"productId\":" + product
                + ",\"name\":\"P\"}")));
        String planPath = "/api/plans/" + testPlan;
        call("GET", "/api/plans", host, "/api/plans", null);
        call("GET", "/api/plans/{id}", host, planPath, null);
        call("PUT", "/api/plans/{id}", host, planPath, json("{\"productId\":" + product + ",\"name\":\"P1\"}"));
        call("POST", "/api/plans/{id}/cases", host, planPath + "/cases", json("{\"caseIds\":[" + testCase + "]}"));

        long run = call("POST", "/api/runs", host, "/api/runs", json("{\"planId\":" + testPlan + ",\"summary\":\"R\"}"))
                .getJsonObject("run").getJsonNumber("id").longValue();
        String runPath = "/api/runs/" + run;
        call("GET", "/api/runs", host, "/api/runs", null);
        call("GET", "/api/runs/{id}", host, runPath, null);
        call("PUT", "/api/runs/{id}", host, runPath, json("{\"planId\":" + testPlan + ",\"summary\":\"R1\"}"));
        long execution = id(call("POST", "/api/runs/{id}/executions", host, runPath + "/executions",
                json("{\"caseId\":" + late + "}")));
        String executionPath = runPath + "/executions/" + execution;
        call("GET", "/api/runs/{id}/executions/{executionId}", host, executionPath, null);
        call("PUT", "/api/runs/{id}/executions/{executionId}", host, executionPath, json("{\"status\":\"PASSED\"}"));
        call("GET", "/api/executions", host, "/api/executions", null);
        call("POST", "/api/runs/{id}/junit", host, runPath + "/junit", new Body("application/xml",
                "<testsuite name=\"s\" tests=\"1\"><testcase classname=\"a\" name=\"b\"/></testsuite>"
                        .getBytes(StandardCharsets.UTF_8)));
        call("POST", "/api/runs/{id}/comments", host, runPath + "/comments", json("{\"text\":\"run\"}"));
        call("GET", "/api/runs/{id}/comments", host, runPath + "/comments", null);
        call("POST", "/api/runs/{id}/attachments", host, runPath + "/attachments?name=r.txt",
                new Body("text/plain", new byte[] {1}));
        call("GET", "/api/runs/{id}/attachments", host, runPath + "/attachments", null);
        call("POST", "/api/runs/{id}/executions/{executionId}/comments", host, executionPath + "/comments",
                json("{\"text\":\"execution\"}"));
        call("GET", "/api/runs/{id}/executions/{executionId}/comments", host, executionPath + "/comments", null);
        call("POST", "/api/runs/{id}/executions/{executionId}/attachments", host,
                executionPath + "/attachments?name=e.txt", new Body("text/plain", new byte[] {1}));
        call("GET", "/api/runs/{id}/executions/{executionId}/attachments", host, executionPath + "/attachments", null);

        Tenantry.Download archive = app.download(host, "/api/archive");
        check("GET /api/archive", archive.status(), archive.header("Content-Type"), null);
        String restored = label + "-r";
        assertEquals(201, app.createTenant(restored, "Restored").status());
        call("POST", "/api/archive", Tenantry.host(restored), "/api/archive", new Body("application/zip", archive.body()));

        long point = id(call("POST", "/api/restore-points", host, "/api/restore-points", json("")));
        call("GET", "/api/restore-points", host, "/api/restore-points", null);
        call("GET", "/api/restore-points/{id}", host, "/api/restore-points/" + point, null);
        call("POST", "/api/restore-points/{id}/restore", host, "/api/restore-points/" + point + "/restore", json(""));
        call("POST", "/api/admin/restore-points/{label}", publicHost, "/api/admin/restore-points/" + label, json(""));
        call("GET", "/api/admin/restore-points/{label}", publicHost, "/api/admin/restore-points/" + label, null);
        call("POST", "/api/admin/restore-points/{label}/scheduled", publicHost,
                "/api/admin/restore-points/" + label + "/scheduled", json(""));

        call("PUT", "/api/settings/owner", host, "/api/settings/owner", json("{\"owner\":\"" + joiner + "\"}"));
        call(asJoiner, "POST", "/api/settings/owner/acceptance", host, "/api/settings/owner/acceptance", json(""));

        call("GET", "/api/audit", host, "/api/audit", null);
        Tenantry.Download trail = app.download(host, "/api/audit/export.csv");
        check("GET /api/audit/export.csv", trail.status(), trail.header("Content-Type"), null);
        call("GET", "/api/audit/export.json", host, "/api/audit/export.json", null);
        call("GET", "/api/audit/platform", publicHost, "/api/audit/platform?tenant=" + label, null);
        Tenantry.Download platformTrail = app.download(publicHost, "/api/audit/platform/export.csv?tenant=" + label);
        check("GET /api/audit/platform/export.csv", platformTrail.status(), platformTrail.header("Content-Type"), null);
        call("GET", "/api/audit/platform/export.json", publicHost, "/api/audit/platform/export.json?tenant=" + label,
                null);

        call("DELETE", "/api/attachments/{id}", host, "/api/attachments/" + attachment, null);
        call("DELETE", "/api/comments/{id}", host, "/api/comments/" + comment, null);
        call("DELETE", "/api/runs/{id}/executions/{executionId}", host, executionPath, null);
        call("POST", "/api/runs/{id}/finish", host, runPath + "/finish", json(""));
        call("POST", "/api/runs/{id}/reopen", host, runPath + "/reopen", json(""));
        call("DELETE", "/api/runs/{id}", host, runPath, null);
        call("DELETE", "/api/plans/{id}/cases/{caseId}", host, planPath + "/cases/" + testCase, null);
        call("DELETE", "/api/plans/{id}", host, planPath, null);
        call("DELETE", "/api/cases/{id}", host, casePath, null);
        call("DELETE", "/api/products/{id}/builds/{buildId}", host, productPath + "/builds/" + build, null);
        call("DELETE", "/api/products/{id}/versions/{versionId}", host, productPath + "/versions/" + version, null);
        call("DELETE", "/api/products/{id}", host, productPath, null);
        call("DELETE", "/api/groups/{id}", host, "/api/groups/" + group, null);
        call("DELETE", "/api/invitations/{id}", host, "/api/invitations/" + invitation, null);
        call("DELETE", "/api/members/{username}", host, "/api/members/" + member, null);
        call(withPassword, "DELETE", "/api/me/tokens/{id}", publicHost, "/api/me/tokens/" + token, null);
        call("DELETE", "/api/admin/plans/{id}", publicHost, "/api/admin/plans/" + plan, null);
        call("DELETE", "/api/admin/announcements/{id}", publicHost, "/api/admin/announcements/" + announcement, null);
        call("DELETE", "/api/accounts/{username}", publicHost, "/api/accounts/" + made, null);
        call(admin, "DELETE", "/api/tenants/{label}", publicHost, "/api/tenants/" + restored, null);
    }

    /** A request body: its type and bytes. */
    private record Body(String type, byte[] bytes) {
    }

    private static Body json(String text) {
        return new Body("application/json", text.getBytes(StandardCharsets.UTF_8));
    }

    private JsonObject call(String method, String template, String on, String path, Body body) {
        return call(app, method, template, on, path, body);
    }

    /** Calls one operation and checks its answer; gives the answer's JSON object (empty when it has none). */
    private JsonObject call(Tenantry client, String method, String template, String on, String path, Body body) {
        Tenantry.Reply reply = switch (method) {
            case "GET" -> client.get(on, path);
            case "DELETE" -> client.delete(on, path);
            case "POST" -> client.post(on, path, body.type(), body.bytes());
            case "PUT" -> client.put(on, path, body.type(), body.bytes());
            default -> throw new AssertionError(method);
        };
        String operation = method + " " + template;
        JsonValue json = reply.contentType() != null && reply.contentType().startsWith("application/json")
                ? reply.json() : null;
        check(operation, reply.status(), reply.contentType(), json);
        if (reply.status() >= 300) {
            faults.add(operation + " failed: " + reply);
        }
        return json != null && json.getValueType() == JsonValue.ValueType.OBJECT ? json.asJsonObject()
                : JsonValue.EMPTY_JSON_OBJECT;
    }

    /** The answer against the document: a status it names, its media type, and its top-level fields. */
    private void check(String operation, int status, String contentType, JsonValue json) {
        called.add(operation);
        String[] parts = operation.split(" ", 2);
        JsonObject item = document.getJsonObject("paths").getJsonObject(parts[1]);
        JsonObject documented = item == null ? null : item.getJsonObject(parts[0].toLowerCase(Locale.ROOT));
        if (documented == null) {
            faults.add(operation + " is not in the document");
            return;
        }
        JsonObject answer = documented.getJsonObject("responses").getJsonObject(String.valueOf(status));
        if (answer == null) {
            faults.add(operation + " answered " + status + ", documented: " + documented.getJsonObject("responses")
                    .keySet());
            return;
        }
        JsonObject content = answer.getJsonObject("content");
        if (content == null) {
            if (json != null) {
                faults.add(operation + " answered JSON where the document names no body");
            }
            return;
        }
        String mediaType = contentType == null ? "" : contentType.split(";")[0].strip();
        if (!content.containsKey(mediaType) && !content.containsKey("*/*")) {
            faults.add(operation + " answered " + mediaType + ", documented: " + content.keySet());
            return;
        }
        if (json != null && content.containsKey(mediaType)) {
            conforms(operation, json, content.getJsonObject(mediaType).getJsonObject("schema"));
        }
    }

    /** The value's type is the schema's; an object's fields are documented and the required ones present. */
    private void conforms(String where, JsonValue value, JsonObject schema) {
        JsonObject resolved = resolve(schema);
        String type = resolved.getString("type", "object");
        if (!typeOf(value).equals(type) && !(type.equals("number") && typeOf(value).equals("integer"))) {
            faults.add(where + " answered a " + typeOf(value) + " where the document says " + type + ": " + value);
            return;
        }
        if (type.equals("array") && !value.asJsonArray().isEmpty()) {
            conforms(where + " (an item)", value.asJsonArray().get(0), resolved.getJsonObject("items"));
        }
        if (type.equals("object") && resolved.containsKey("properties")) {
            JsonObject properties = resolved.getJsonObject("properties");
            for (String field : value.asJsonObject().keySet()) {
                if (!properties.containsKey(field)) {
                    faults.add(where + " answered the undocumented field " + field);
                } else if (!fits(value.asJsonObject().get(field), resolve(properties.getJsonObject(field)))) {
                    faults.add(where + " answered " + field + " = " + value.asJsonObject().get(field)
                            + ", documented as " + properties.getJsonObject(field));
                }
            }
            List<String> required = resolved.containsKey("required")
                    ? resolved.getJsonArray("required").getValuesAs(JsonString::getString) : List.of();
            for (String field : required) {
                if (!value.asJsonObject().containsKey(field)) {
                    faults.add(where + " left out the required field " + field + ": " + value);
                }
            }
        }
    }

    private static boolean fits(JsonValue value, JsonObject schema) {
        String type = schema.getString("type", "object");
        String actual = typeOf(value);
        return actual.equals(type) || type.equals("number") && actual.equals("integer");
    }

    private static String typeOf(JsonValue value) {
        return switch (value.getValueType()) {
            case OBJECT -> "object";
            case ARRAY -> "array";
            case STRING -> "string";
            case NUMBER -> ((JsonNumber) value).isIntegral() ? "integer" : "number";
            case TRUE, FALSE -> "boolean";
            case NULL -> "null";
        };
    }

    private JsonObject resolve(JsonObject schema) {
        Optional<String> ref = Optional.ofNullable(schema.getString("$ref", null));
        return ref.map(name -> document.getJsonObject("components").getJsonObject("schemas")
                .getJsonObject(name.substring(name.lastIndexOf('/') + 1))).orElse(schema);
    }

    private static long id(JsonObject item) {
        return item.getJsonNumber("id").longValue();
    }

    private JsonObject read() throws Exception {
        Tenantry.Reply reply = app.get(publicHost, "/openapi");
        Files.writeString(java.nio.file.Path.of("target", "openapi.json"), reply.body());
        return reply.json().asJsonObject();
    }

    private static TreeSet<String> operations(JsonObject document) {
        TreeSet<String> operations = new TreeSet<>();
        document.getJsonObject("paths").forEach((path, item) -> item.asJsonObject().keySet()
                .forEach(method -> operations.add(method.toUpperCase(Locale.ROOT) + " " + path)));
        return operations;
    }

    /** Every resource method of the WAR, as "METHOD /api/path", found by reflection over its classes. */
    private static List<String> endpoints() throws Exception {
        java.nio.file.Path classes = java.nio.file.Path.of(RestApi.class.getResource("RestApi.class").toURI())
                .getParent().getParent().getParent().getParent();
        List<String> endpoints = new ArrayList<>();
        try (var files = Files.walk(classes.resolve("io/tenantry"))) {
            for (String name : files.map(file -> classes.relativize(file).toString()).filter(f -> f.endsWith(".class"))
                    .map(f -> f.replace(".class", "").replace(java.io.File.separatorChar, '.')).sorted().toList()) {
                Class<?> type = Class.forName(name, false, OpenApiIT.class.getClassLoader());
                Path root = type.getAnnotation(Path.class);
                for (Method method : root == null ? new Method[0] : type.getDeclaredMethods()) {
                    Arrays.stream(method.getAnnotations())
                            .map(annotation -> annotation.annotationType().getAnnotation(HttpMethod.class))
                            .filter(verb -> verb != null).forEach(verb -> {
                                Path sub = method.getAnnotation(Path.class);
                                endpoints.add(verb.value() + " " + ("/api/" + root.value() + "/"
                                        + (sub == null ? "" : sub.value())).replaceAll("/+", "/")
                                        .replaceAll("(.)/$", "$1"));
                            });
                }
            }
        }
        return endpoints;
    }
}
