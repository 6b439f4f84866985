package io.tenantry.access;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.tenantry.testing.DeployedTenantry;
import io.tenantry.testing.Tenantry;
import io.tenantry.testing.TestDatabase;

/**
 * A tenant's terms are access's, in their own table, and kept in memory by each instance for the
 * request path: a change through any entry point is seen by the next request at once, a later
 * tenant of the same label never gets an earlier one's terms, and a tenant's terms go with it.
 */
class TenantTermsIT extends DeployedTenantry {

    private String suffix;

    @BeforeEach
    void freshSuffix() {
        suffix = UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void anOperatorsChangeOnThePublicHostIsSeenAtOnceOnTheTenantsHost() {
        String label = "terms-op-" + suffix;
        String host = Tenantry.host(label);
        assertEquals(201, app.onPublic("POST", "/api/tenants", "{\"label\":\"" + label
                + "\",\"name\":\"Open\",\"publiclyReadable\":true}").status());
        assertEquals(200, app.anonymous().get(host, "/api/products").status(), "publicly readable");

        assertEquals(200, app.onPublic("PUT", "/api/tenants/" + label, "{\"publiclyReadable\":false}").status());
        assertEquals(401, app.anonymous().get(host, "/api/products").status(), "private at once");

        assertEquals(200, app.put(host, "/api/settings", "{\"publiclyReadable\":true}").status());
        assertEquals(200, app.anonymous().get(host, "/api/products").status(), "readable again at once");
        assertEquals(true, app.onPublic("GET", "/api/tenants/" + label, null).json().asJsonObject()
                .getBoolean("publiclyReadable"), "the operator's list sees the tenant's own change");
    }

    @Test
    void aLaterTenantOfTheSameLabelNeverGetsTheEarliersTerms() throws SQLException {
        String label = "terms-again-" + suffix;
        String host = Tenantry.host(label);
        assertEquals(201, app.onPublic("POST", "/api/tenants", "{\"label\":\"" + label
                + "\",\"name\":\"First\",\"publiclyReadable\":true}").status());
        assertEquals(200, app.anonymous().get(host, "/api/products").status(), "the first is publicly readable");
        long first = idOf(label);
        assertEquals(1, termsRowsOf(first));

        assertEquals(204, app.onPublic("DELETE", "/api/tenants/" + label, null).status());
        assertEquals(0, termsRowsOf(first), "its terms went with it");

        assertEquals(201, app.createTenant(label, "Second").status());
        assertEquals(401, app.anonymous().get(host, "/api/products").status(), "the second is private");
        assertEquals(false, app.onPublic("GET", "/api/tenants/" + label, null).json().asJsonObject()
                .getBoolean("publiclyReadable"));
    }

    private static long idOf(String label) throws SQLException {
        try (Connection db = TestDatabase.connect();
             PreparedStatement select = db.prepareStatement("SELECT id FROM public.tenant WHERE label = ?")) {
            select.setString(1, label);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static int termsRowsOf(long tenantId) throws SQLException {
        try (Connection db = TestDatabase.connect();
             PreparedStatement select = db.prepareStatement("SELECT count(*) FROM public.tenant_terms WHERE tenant_id = ?")) {
            select.setLong(1, tenantId);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }
}
