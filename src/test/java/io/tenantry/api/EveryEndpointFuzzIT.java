package io.tenantry.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

import io.tenantry.testing.DeployedTenantry;
import io.tenantry.testing.SharedState;
import io.tenantry.testing.Tenantry;
import jakarta.json.JsonObject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;

/**
 * Every JSON-taking endpoint of the API (found by reflection over the resource classes, so a new one
 * is covered without touching this test), sent malformed JSON, bodies that are not objects, each
 * field with values of the wrong type, numbers beyond any range, dates without an offset or out of
 * range and text with control characters: each is refused with a 4xx, never a 5xx, and the items
 * that were there before are unchanged. Then each gets empty and missing-field bodies: no 5xx.
 */
@ResourceLock(SharedState.PLATFORM_CATALOG) // its snapshot holds the platform's whole lists
class EveryEndpointFuzzIT extends DeployedTenantry {

    private static final List<String> MALFORMED = List.of("{", "{\"a\":}", "[", "nul", "{\"a\":1,}", "\u0000",
            "{\"a\":\"\u0000", "\u00ff\u00fe", "[]", "\"text\"", "42", "true", "{\"a\":" + "[".repeat(600) + "}");
    private static final List<String> BAD_TEXT = List.of("1", "true", "{}", "[]", "\"a\\u0000b\"", "\"\\u0001\"",
            "\"\\u001b[2J\"", "\"\\u007f\"");
    private static final List<String> BAD_WHOLE_NUMBER = List.of("\"x\"", "1.5", "1e400", "99999999999999999999999",
            "-99999999999999999999999", "true", "[]", "{}");
    private static final List<String> BAD_BOOLEAN = List.of("\"yes\"", "1", "[]");
    private static final List<String> BAD_CONSTANT = List.of("5", "\"NONE\\u0000\"", "\"no such\"", "[]");
    private static final List<String> BAD_MOMENT = List.of("\"2030-01-01T00:00:00\"", "\"+300000-01-01T00:00:00Z\"",
            "\"-4714-01-01T00:00:00Z\"", "\"tomorrow\"", "5", "\"2030-02-30T00:00:00Z\"");
    private static final List<String> BAD_DATE = List.of("\"99999-01-01\"", "\"2030-13-01\"", "\"0000-01-01\"", "5",
            "\"2030-01-01T00:00:00Z\"");
    private static final List<String> BAD_LIST = List.of("\"x\"", "[null]", "[{}]", "5", "[\"\\u0000\"]", "[1e400]");

    private final Map<String, String> ids = new LinkedHashMap<>();
    private String host;
    private final List<String> fiveHundreds = new ArrayList<>();
    private final List<String> accepted = new ArrayList<>();

    @Test
    void noBodyMakesTheServerFail() throws Exception {
        prepareOneOfEverything();
        List<Endpoint> endpoints = jsonEndpoints();
        assertTrue(endpoints.size() > 30, "found " + endpoints.size() + " endpoints: " + endpoints);
        Map<String, String> before = snapshot();
        for (Endpoint endpoint : endpoints) {
            for (String body : MALFORMED) {
                refused(endpoint, body);
            }
            for (RecordComponent field : endpoint.input().getRecordComponents()) {
                for (String value : badValuesFor(field.getGenericType())) {
                    refused(endpoint, "{\"" + field.getName() + "\":" + value + "}");
                }
            }
        }
        assertEquals(List.of(), fiveHundreds, "5xx answers");
        assertEquals(List.of(), accepted, "bad bodies accepted");
        assertEquals(before, snapshot(), "what was there before is unchanged");
        for (Endpoint endpoint : endpoints) {
            for (String body : List.of("", "null", "{}", "{\"unknown\":1}")) {
                send(endpoint, body);
            }
        }
        assertEquals(List.of(), fiveHundreds, "5xx answers to empty and incomplete bodies");
    }

    private void refused(Endpoint endpoint, String body) {
        Tenantry.Reply reply = send(endpoint, body);
        if (reply.status() < 400) {
            accepted.add(endpoint + " " + body + " → " + reply);
        }
    }

    private Tenantry.Reply send(Endpoint endpoint, String body) {
        Tenantry.Reply reply = endpoint.method().equals("POST") ? app.post(endpoint.host(), endpoint.path(), body)
                : app.put(endpoint.host(), endpoint.path(), body);
        if (reply.status() >= 500) {
            fiveHundreds.add(endpoint + " " + body + " → " + reply);
        }
        return reply;
    }

    private static List<String> badValuesFor(Type type) {
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        if (raw == String.class) {
            return BAD_TEXT;
        }
        if (raw == Long.class || raw == long.class || raw == Integer.class || raw == int.class) {
            return BAD_WHOLE_NUMBER;
        }
        if (raw == Boolean.class || raw == boolean.class) {
            return BAD_BOOLEAN;
        }
        if (raw.isEnum()) {
            return BAD_CONSTANT;
        }
        if (raw == Instant.class || raw == OffsetDateTime.class) {
            return BAD_MOMENT;
        }
        if (raw == LocalDate.class) {
            return BAD_DATE;
        }
        if (raw == List.class || raw == Set.class) {
            return BAD_LIST;
        }
        throw new AssertionError("An input field of a type this test does not know: " + type);
    }

    /** A tenant with one item of each kind, so that every path names something that exists. */
    private void prepareOneOfEverything() {
        String label = "fuzz-" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(201, app.createTenant(label, "Fuzz").status());
        host = Tenantry.host(label);
        String publicHost = app.hostOf("public");
        String person = "fuzzed-" + label;
        app.newAccount(person);
        app.bringIn(host, person);
        long product = id(app.post(host, "/api/products", "{\"name\":\"Shop\"}"));
        long version = id(app.post(host, "/api/products/" + product + "/versions", "{\"value\":\"1.0\"}"));
        long build = id(app.post(host, "/api/products/" + product + "/builds", "{\"name\":\"b1\"}"));
        long plan = id(app.post(host, "/api/plans", "{\"productId\":" + product + ",\"name\":\"P\"}"));
        long testCase = id(app.post(host, "/api/cases", "{\"productId\":" + product + ",\"summary\":\"C\",\"status\":"
                + "\"CONFIRMED\"}"));
        app.post(host, "/api/plans/" + plan + "/cases", "{\"caseIds\":[" + testCase + "]}");
        JsonObject run = created(app.post(host, "/api/runs", "{\"planId\":" + plan + ",\"summary\":\"R\"}"));
        long runId = run.getJsonObject("run").getJsonNumber("id").longValue();
        long execution = run.getJsonArray("executions").getJsonObject(0).getJsonNumber("id").longValue();
        long comment = id(app.post(host, "/api/cases/" + testCase + "/comments", "{\"text\":\"hello\"}"));
        Tenantry.Reply groupMade = app.post(host, "/api/groups", "{\"name\":\"Fuzzers\",\"permissions\":[]}");
        assertEquals(201, groupMade.status(), groupMade.toString());
        long group = Long.parseLong(groupMade.location().substring(groupMade.location().lastIndexOf('/') + 1));
        app.post(host, "/api/invitations", "{\"emails\":[\"invited-" + label + "@example.com\"]}");
        long invitation = app.get(host, "/api/invitations").json().asJsonObject().getJsonArray("items").getJsonObject(0).getJsonNumber("id")
                .longValue();
        long subscription = id(app.post(publicHost, "/api/admin/plans", "{\"name\":\"Plan " + label + "\",\"priceCents\":"
                + "100,\"currency\":\"EUR\",\"active\":true}"));
        long announcement = id(app.post(publicHost, "/api/admin/announcements", "{\"message\":\"Hi " + label
                + "\",\"severity\":\"INFO\",\"startsAt\":\"2030-01-01T00:00:00Z\",\"endsAt\":\"2030-01-02T00:00:00Z\"}"));
        ids.putAll(Map.ofEntries(Map.entry("products/{id}", "" + product), Map.entry("versions/{versionId}", "" + version),
                Map.entry("builds/{buildId}", "" + build), Map.entry("plans/{id}", "" + plan),
                Map.entry("admin/plans/{id}", "" + subscription), Map.entry("cases/{id}", "" + testCase),
                Map.entry("cases/{caseId}", "" + testCase), Map.entry("runs/{id}", "" + runId),
                Map.entry("executions/{executionId}", "" + execution), Map.entry("comments/{id}", "" + comment),
                Map.entry("groups/{id}", "" + group), Map.entry("invitations/{id}", "" + invitation),
                Map.entry("tenants/{label}", label), Map.entry("accounts/{username}", person),
                Map.entry("members/{username}", person), Map.entry("announcements/{id}", "" + announcement),
                Map.entry("tokens/{id}", "1")));
    }

    /** What the endpoints could change, read back as JSON text. */
    private Map<String, String> snapshot() {
        Map<String, String> state = new LinkedHashMap<>();
        for (String path : List.of("/api/products", "/api/cases", "/api/plans/" + ids.get("plans/{id}"), "/api/runs/"
                + ids.get("runs/{id}"), "/api/cases/" + ids.get("cases/{id}") + "/comments", "/api/settings", "/api/groups",
                "/api/members", "/api/invitations", "/api/products/" + ids.get("products/{id}") + "/builds")) {
            state.put(path, app.get(host, path).body());
        }
        String publicHost = app.hostOf("public");
        for (String path : List.of("/api/tenants/" + ids.get("tenants/{label}"), "/api/admin/plans",
                "/api/admin/announcements")) {
            state.put(path, app.get(publicHost, path).body());
        }
        return state;
    }

    /** Each POST or PUT of the API whose body is a JSON record, with its path filled in. */
    private List<Endpoint> jsonEndpoints() throws URISyntaxException, ClassNotFoundException {
        List<Endpoint> endpoints = new ArrayList<>();
        // Resources live next to their features' services: every *Resource class under io/tenantry
        // (the classes folder: four levels above api's).
        java.nio.file.Path classes = java.nio.file.Path.of(ProblemMappers.class.getResource("ProblemMappers.class").toURI())
                .getParent().getParent().getParent().getParent();
        List<String> names;
        try (Stream<java.nio.file.Path> files = Files.walk(classes.resolve("io/tenantry"))) {
            names = files.map(file -> classes.relativize(file).toString())
                    .filter(file -> file.endsWith("Resource.class"))
                    .map(file -> file.replace(".class", "").replace(File.separatorChar, '.')).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String name : names) {
            Class<?> resource = Class.forName(name);
            Path root = resource.getAnnotation(Path.class);
            if (root == null) {
                continue;
            }
            boolean onPublic = Set.of("TenantsResource", "AccountsResource", "PlatformResource", "MeResource")
                    .contains(resource.getSimpleName());
            for (Method method : resource.getMethods()) {
                String verb = method.isAnnotationPresent(POST.class) ? "POST" : method.isAnnotationPresent(PUT.class) ? "PUT"
                        : null;
                Class<?> input = entityOf(method);
                if (verb == null || input == null || !input.isRecord()) {
                    continue;
                }
                Path sub = method.getAnnotation(Path.class);
                String template = ("/api/" + root.value() + "/" + (sub == null ? "" : sub.value())).replaceAll("/+", "/")
                        .replaceAll("(.)/$", "$1");
                endpoints.add(new Endpoint(verb, onPublic ? app.hostOf("public") : host, fill(template), input));
            }
        }
        return endpoints;
    }

    private static Class<?> entityOf(Method method) {
        for (Parameter parameter : method.getParameters()) {
            boolean annotated = Arrays.stream(parameter.getAnnotations()).map(Annotation::annotationType)
                    .anyMatch(a -> a.getPackageName().startsWith("jakarta.ws.rs"));
            if (!annotated && parameter.getType() != InputStream.class && parameter.getType() != byte[].class) {
                return parameter.getType();
            }
        }
        return null;
    }

    private String fill(String template) {
        Matcher placeholder = Pattern.compile("([^/]+)/(\\{[^}]+\\})").matcher(template);
        StringBuilder path = new StringBuilder();
        while (placeholder.find()) {
            String key = placeholder.group(1) + "/" + placeholder.group(2);
            String value = template.contains("/admin/plans/") && key.equals("plans/{id}") ? ids.get("admin/plans/{id}")
                    : ids.get(key);
            if (value == null) {
                throw new AssertionError("No item for " + key + " in " + template);
            }
            placeholder.appendReplacement(path, Matcher.quoteReplacement(placeholder.group(1) + "/" + value));
        }
        placeholder.appendTail(path);
        return path.toString();
    }

    private static long id(Tenantry.Reply reply) {
        return created(reply).getJsonNumber("id").longValue();
    }

    private static JsonObject created(Tenantry.Reply reply) {
        assertTrue(reply.status() == 201 || reply.status() == 200, reply.toString());
        return reply.json().asJsonObject();
    }

    private record Endpoint(String method, String host, String path, Class<?> input) {
        @Override
        public String toString() {
            return method + " " + path + " (" + host + ")";
        }
    }
}
