package io.tenantry.tenancy;

import static io.tenantry.testing.Tenantry.host;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

import io.tenantry.testing.DeployedTenantry;
import io.tenantry.testing.RanStatements;
import io.tenantry.testing.Tenantry;
import io.tenantry.testing.TestDatabase;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

/** Two tenants whose rows have the same ids: each host sees and changes only its own. */
@Isolated("counts the statements the database ran (RanStatements): every class's requests add to them")
class TenantIsolationIT extends DeployedTenantry {

    String red;
    String blue;

    @BeforeEach
    void twoTenantsWithTheSameIds() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        red = "red-" + suffix;
        blue = "blue-" + suffix;
        assertEquals(201, app.createTenant(red, "Red").status());
        assertEquals(201, app.createTenant(blue, "Blue").status());
        assertEquals(201, app.post(host(red), "/api/products", "{\"name\":\"Red rocket\"}").status());
        assertEquals(201, app.post(host(blue), "/api/products", "{\"name\":\"Blue boat\"}").status());
        assertEquals(201, app.post(host(red), "/api/products/1/versions", "{\"value\":\"red-1.0\"}").status());
    }

    @Test
    void eachHostListsOnlyItsOwnProducts() {
        assertEquals(List.of("Red rocket"), names(app.get(host(red), "/api/products").json().asJsonObject().getJsonArray("items")));
        assertEquals(List.of("Blue boat"), names(app.get(host(blue), "/api/products").json().asJsonObject().getJsonArray("items")));
    }

    @Test
    void movingBetweenTenantsKeepsThePlansOfEveryStatement() {
        int requests = 200;
        RanStatements ran = RanStatements.during(() -> {
            for (int i = 0; i < requests; i++) {
                assertEquals(200, app.get(host(i % 2 == 0 ? red : blue), "/api/products").status());
            }
        });
        assertEquals(requests, ran.reading("api_token"), "one token lookup per request");
        // After a SET search_path the driver would prepare, and PostgreSQL plan, every statement again.
        assertTrue(ran.planned("api_token") < requests / 4, ran.toString());
        // Unless each tenant has statements of its own, PostgreSQL plans them again on every change of tenant:
        // 200 plans here. With them, each connection the pool hands out plans a tenant's statement about 11
        // times before it keeps one (5 runs before the driver prepares it, 5 custom plans), and with other
        // classes running at once the pool hands these requests 2 or 3 connections: 50 plans in a full run
        // (.ci/run of f70fb27, which failed at requests / 4).
        // The route runs before it routes, under the connection's own search_path: one untagged statement for every tenant.
        List<String> routes = ran.texts("pg_advisory_xact_lock_shared");
        assertFalse(routes.isEmpty(), ran.toString());
        assertTrue(routes.stream().noneMatch(route -> route.startsWith("/*")), "the route is not tagged: " + routes);
        assertTrue(ran.planned("product_version") < requests / 2, ran.toString());
        // The tenants' access did not change: one read of the tenant's access version per request, one statement
        // for every tenant, and the permissions kept since the set-up's requests read them (at most once a tenant,
        // should the cache have dropped them).
        assertEquals(requests, ran.reading("tenant_terms"), "one read of the version per request: " + ran);
        assertTrue(ran.planned("tenant_terms") < requests / 4, ran.toString());
        assertTrue(ran.reading("group_permission") <= 2, "permissions read again though nothing changed: " + ran);
    }

    @Test
    void theSameIdReadsEachTenantsOwnRow() {
        assertEquals("Red rocket", app.get(host(red), "/api/products/1").json().asJsonObject().getString("name"));
        assertEquals("Blue boat", app.get(host(blue), "/api/products/1").json().asJsonObject().getString("name"));
    }

    @Test
    void versionsAreJoinFetchedWithinTheTenant() {
        JsonObject redProduct = app.get(host(red), "/api/products").json().asJsonObject().getJsonArray("items").getJsonObject(0);
        assertEquals("red-1.0", redProduct.getJsonArray("versions").getJsonObject(0).getString("value"));
        JsonObject blueProduct = app.get(host(blue), "/api/products").json().asJsonObject().getJsonArray("items").getJsonObject(0);
        assertTrue(blueProduct.getJsonArray("versions").isEmpty());
    }

    @Test
    void changingAndDeletingTouchOnlyTheHostsTenant() {
        assertEquals(200, app.put(host(blue), "/api/products/1", "{\"name\":\"Blue ship\"}").status());
        assertEquals("Red rocket", app.get(host(red), "/api/products/1").json().asJsonObject().getString("name"));

        assertEquals(204, app.delete(host(blue), "/api/products/1").status());
        assertEquals(404, app.get(host(blue), "/api/products/1").status());
        assertEquals(200, app.get(host(red), "/api/products/1").status());
    }

    @Test
    void aVersionCannotBeAddedToAnotherTenantsProduct() {
        assertEquals(201, app.post(host(red), "/api/products", "{\"name\":\"Second red\"}").status());
        assertEquals(404, app.post(host(blue), "/api/products/2/versions", "{\"value\":\"x\"}").status());
    }

    @Test
    void rowsLandInTheTenantsOwnSchema() throws Exception {
        try (Connection db = TestDatabase.connect();
             ResultSet rows = db.createStatement().executeQuery(
                     "SELECT (SELECT string_agg(name, ',') FROM \"" + red.replace('-', '_') + "\".product),"
                             + " (SELECT string_agg(name, ',') FROM \"" + blue.replace('-', '_') + "\".product),"
                             + " (SELECT count(*) FROM \"_template\".product)")) {
            rows.next();
            assertEquals("Red rocket", rows.getString(1));
            assertEquals("Blue boat", rows.getString(2));
            assertEquals(0, rows.getInt(3), "the template stays free of data");
        }
    }

    @Test
    void hostsThatNameNoTenantGet404() {
        for (String badHost : List.of("nobody." + Tenantry.DOMAIN, red + "." + Tenantry.DOMAIN + ".evil.com",
                "evil-" + red + "." + Tenantry.DOMAIN + "x", "deep." + red + "." + Tenantry.DOMAIN, "127.0.0.1",
                "[::1]", red, "Bad_Host." + Tenantry.DOMAIN, "-x." + Tenantry.DOMAIN, "")) {
            Tenantry.Reply reply = app.sendRaw(badHost.isEmpty() ? "localhost" : badHost, "/api/products");
            assertEquals(404, reply.status(), badHost + " -> " + reply);
            assertTrue(reply.contentType().startsWith("application/problem+json"), badHost + " -> " + reply.contentType());
        }
    }

    @Test
    void hostsAreReadWithoutCaseTrailingDotOrPort() {
        assertEquals(List.of("Red rocket"), names(app.sendRaw(red.toUpperCase() + "." + Tenantry.DOMAIN + ".:8080",
                "/api/products").json().asJsonObject().getJsonArray("items")));
    }

    @Test
    void theBareDomainAndPublicHostAreThePublicTenant() {
        String product = "Public thing " + red;
        assertEquals(201, app.post(host("public"), "/api/products", "{\"name\":\"" + product + "\"}").status());
        assertTrue(names(app.sendRaw(Tenantry.DOMAIN, "/api/products").json().asJsonObject().getJsonArray("items")).contains(product));
        assertTrue(!names(app.get(host(red), "/api/products").json().asJsonObject().getJsonArray("items")).contains(product));
    }

    @Test
    void aPageRequestForAnUnknownHostGetsThe404Page() {
        Tenantry.Reply reply = app.sendRaw("nobody." + Tenantry.DOMAIN, "/");
        assertEquals(404, reply.status());
        assertTrue(reply.contentType().startsWith("text/html") || reply.contentType().startsWith("application/xhtml+xml"),
                "a page, not a problem document: " + reply.contentType());
    }

    private static List<String> names(JsonArray products) {
        return products.stream().map(p -> p.asJsonObject().getString("name")).toList();
    }
}
