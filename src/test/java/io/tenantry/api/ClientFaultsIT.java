package io.tenantry.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.tenantry.testing.DeployedTenantry;
import io.tenantry.testing.Tenantry;
import io.tenantry.testing.WebSession;
import jakarta.json.JsonObject;

/**
 * What a client gets wrong is answered 400 with the fields at fault in {@code errors}, in its
 * language, and changes nothing: malformed JSON, a wrongly typed or missing field, a NUL character,
 * a date without an offset or beyond what the database keeps.
 */
class ClientFaultsIT extends DeployedTenantry {

    private String label;
    private String host;
    private long product;

    @BeforeEach
    void aTenantWithAProduct() {
        label = "faults-" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(201, app.createTenant(label, "Faults").status());
        host = Tenantry.host(label);
        product = app.post(host, "/api/products", "{\"name\":\"Shop\"}").json().asJsonObject().getJsonNumber("id")
                .longValue();
    }

    @Test
    void malformedJsonIsRefusedAsTheBody() {
        String thousandsOfDigits = "{\"name\":\"x\",\"extra\":1" + "0".repeat(1200) + "}";
        String nestedTooDeep = "{\"name\":\"x\",\"extra\":" + "[".repeat(1100) + "]".repeat(1100) + "}";
        for (String body : new String[] {"{\"name\":", "{name:\"x\"}", "[1,", "\"unterminated", thousandsOfDigits,
                nestedTooDeep}) {
            JsonObject problem = refused(app.post(host, "/api/products", body));
            assertTrue(problem.getJsonObject("errors").containsKey("body"), body + ": " + problem);
        }
    }

    @Test
    void aWronglyTypedFieldIsNamed() {
        assertTrue(refused(app.post(host, "/api/products", "{\"name\":5}")).getJsonObject("errors").containsKey("name"));
        assertTrue(refused(app.post(host, "/api/cases", "{\"productId\":\"one\",\"summary\":\"s\"}"))
                .getJsonObject("errors").containsKey("productId"));
        assertTrue(refused(app.post(host, "/api/cases", "{\"productId\":" + product + ",\"summary\":\"s\",\"priority\":"
                + "99999999999999999999}")).getJsonObject("errors").containsKey("priority"));
        assertTrue(refused(app.post(host, "/api/cases", "{\"productId\":" + product + ",\"summary\":\"s\",\"tags\":\"a\"}"))
                .getJsonObject("errors").containsKey("tags"));
        assertEquals(0, app.get(host, "/api/cases").json().asJsonObject().getInt("total"));
    }

    @Test
    void aMissingRequiredFieldIsNamed() {
        assertTrue(refused(app.onPublic("POST", "/api/tenants", "{\"name\":\"x\"}")).getJsonObject("errors")
                .containsKey("label"));
        assertTrue(refused(app.post(host, "/api/cases", "{\"summary\":\"No product\"}")).getJsonObject("errors")
                .containsKey("productId"));
    }

    @Test
    void aNulCharacterIsRefusedInTheFieldThatHoldsIt() {
        assertTrue(refused(app.post(host, "/api/products", "{\"name\":\"Sh\\u0000op\"}")).getJsonObject("errors")
                .containsKey("name"));
        assertTrue(refused(app.post(host, "/api/cases", "{\"productId\":" + product + ",\"summary\":\"s\",\"tags\":"
                + "[\"ok\",\"b\\u0000d\"]}")).getJsonObject("errors").containsKey("tags"));
        assertTrue(refused(app.put(host, "/api/products/" + product, "{\"name\":\"Shop\",\"description\":\"\\u001b[31m\"}"))
                .getJsonObject("errors").containsKey("description"));
        assertEquals(400, app.get(host, "/api/cases?summary=%00").status(), "a filter too");
        assertEquals("Shop", app.get(host, "/api/products/" + product).json().asJsonObject().getString("name"));
    }

    @Test
    void aPageRefusesANulCharacterOnItsField() {
        WebSession browser = new WebSession(app.server());
        WebSession.Page form = browser.get(WebSession.url("public", "/forgot-password.xhtml"));
        WebSession.Page refused = browser.submit(form, "forgot", Map.of("forgot:email", "a\u0000b@example.com"),
                "forgot:submit");
        assertEquals(200, refused.status(), refused.body());
        assertTrue(refused.body().contains("control character"), refused.body());
    }

    @Test
    void aDateNeedsAnOffsetAndARangeTheDatabaseKeeps() {
        for (String date : new String[] {"2030-01-01T00:00:00", "+300000-01-01T00:00:00Z", "tomorrow",
                // Within the years as written, beyond them once turned to UTC, as they are stored.
                "9999-12-31T23:59-18:00", "0001-01-01T00:00:00+18:00"}) {
            assertTrue(refused(app.onPublic("PUT", "/api/tenants/" + label, "{\"paidUntil\":\"" + date + "\"}"))
                    .getJsonObject("errors").containsKey("paidUntil"), date);
        }
        assertTrue(refused(app.post(host, "/api/runs", "{\"summary\":\"r\",\"plannedStart\":\"99999-01-01\"}"))
                .getJsonObject("errors").containsKey("plannedStart"));
    }

    @Test
    void refusalsAreInTheCallersLanguage() {
        JsonObject english = refused(app.post(host, "/api/products", "{\"name\":5}"));
        JsonObject german = refused(app.inLanguage("de").post(host, "/api/products", "{\"name\":5}"));
        assertNotEquals(english.getJsonObject("errors").getString("name"), german.getJsonObject("errors").getString("name"));
        JsonObject germanNul = refused(app.inLanguage("de").post(host, "/api/products", "{\"name\":\"\\u0000\"}"));
        assertNotEquals(english.getJsonObject("errors").getString("name"),
                germanNul.getJsonObject("errors").getString("name"));
    }

    @Test
    void aCaseAddedToARunAnswersItsExecution() {
        long plan = app.post(host, "/api/plans", "{\"productId\":" + product + ",\"name\":\"P\"}").json().asJsonObject()
                .getJsonNumber("id").longValue();
        long run = app.post(host, "/api/runs", "{\"planId\":" + plan + ",\"summary\":\"r\"}").json().asJsonObject()
                .getJsonObject("run").getJsonNumber("id").longValue();
        long testCase = app.post(host, "/api/cases", "{\"productId\":" + product + ",\"summary\":\"Later\",\"status\":"
                + "\"CONFIRMED\"}").json().asJsonObject().getJsonNumber("id").longValue();
        Tenantry.Reply added = app.post(host, "/api/runs/" + run + "/executions", "{\"caseId\":" + testCase + "}");
        assertEquals(201, added.status(), added.toString());
        long execution = added.json().asJsonObject().getJsonNumber("id").longValue();
        assertEquals(testCase, app.get(host, "/api/runs/" + run + "/executions/" + execution).json().asJsonObject()
                .getJsonNumber("caseId").longValue());
    }

    private static JsonObject refused(Tenantry.Reply reply) {
        assertEquals(400, reply.status(), reply.toString());
        assertTrue(reply.contentType().startsWith("application/problem+json"), reply.contentType());
        return reply.json().asJsonObject();
    }
}
