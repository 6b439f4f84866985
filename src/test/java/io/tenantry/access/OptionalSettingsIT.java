package io.tenantry.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.tenantry.testing.PayaraOnly;
import io.tenantry.testing.SharedServer;
import io.tenantry.testing.Tenantry;
import io.tenantry.testing.TestServers;

/**
 * The settings that are off (or on) by default, switched the other way on one instance: the run's
 * {@link TestServers#localhost()}.
 */
@PayaraOnly("settings switched from their defaults, on the run's Payara Micro localhost server (TestServers.localhost)")
class OptionalSettingsIT {

    @RegisterExtension
    static final SharedServer SERVER = TestServers.localhost();

    @Test
    void operatorsReadButNeverChangeRegistrationIsOffAndCreationIsByPermission() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Tenantry operator = new Tenantry(SERVER.process().url(), "localhost").awaitReady();
        operator.newAccount("owner-" + suffix);
        assertEquals(201, operator.onPublic("POST", "/api/tenants", "{\"label\":\"private-" + suffix
                + "\",\"name\":\"Private\",\"owner\":\"owner-" + suffix + "\"}").status());
        String host = operator.hostOf("private-" + suffix);

        assertEquals(200, operator.get(host, "/api/products").status());
        assertEquals(200, operator.page(host, "/").status());
        assertEquals(403, operator.post(host, "/api/products", "{\"name\":\"Nope\"}").status());
        assertEquals(403, operator.get(host, "/api/members").status(), "reading data is not seeing the members");

        String register = operator.anonymous().page(operator.hostOf("public"), "/register.xhtml").body();
        assertTrue(register.contains("registration-off"), register);
        assertFalse(register.contains("register:submit"), "no form to submit");

        Tenantry creator = operator.newAccount("creator-" + suffix);
        assertTrue(creator.page(operator.hostOf("public"), "/new-tenant.xhtml").body().contains("may-not-create"));
        assertEquals(200, operator.put(operator.hostOf("public"), "/api/accounts/creator-" + suffix,
                "{\"mayCreateTenants\":true}").status());
        assertTrue(creator.page(operator.hostOf("public"), "/new-tenant.xhtml").body().contains("tenant:label"));
    }
}
