package io.tenantry.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.tenantry.testing.PayaraProcess;
import io.tenantry.testing.Tenantry;

/** The settings that are off (or on) by default, switched the other way on one instance. */
class OptionalSettingsIT {

    @Test
    void operatorsReadButNeverChangeRegistrationIsOffAndCreationIsByPermission() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        try (PayaraProcess server = PayaraProcess.start(true, "-Doperators.read-access=true",
                "-Dregistration.enabled=false", "-Dtenant.creation=permitted")) {
            Tenantry operator = new Tenantry(server.url()).awaitReady();
            operator.newAccount("owner-" + suffix);
            assertEquals(201, operator.onPublic("POST", "/api/tenants", "{\"label\":\"private-" + suffix
                    + "\",\"name\":\"Private\",\"owner\":\"owner-" + suffix + "\"}").status());
            String host = Tenantry.host("private-" + suffix);

            assertEquals(200, operator.get(host, "/api/products").status());
            assertEquals(200, operator.page(host, "/").status());
            assertEquals(403, operator.post(host, "/api/products", "{\"name\":\"Nope\"}").status());
            assertEquals(403, operator.get(host, "/api/members").status(), "reading data is not seeing the members");

            String register = operator.anonymous().page(Tenantry.host("public"), "/register.xhtml").body();
            assertTrue(register.contains("registration-off"), register);
            assertFalse(register.contains("register:submit"), "no form to submit");

            Tenantry creator = operator.newAccount("creator-" + suffix);
            assertTrue(creator.page(Tenantry.host("public"), "/new-tenant.xhtml").body().contains("may-not-create"));
            assertEquals(200, operator.put(Tenantry.host("public"), "/api/accounts/creator-" + suffix,
                    "{\"mayCreateTenants\":true}").status());
            assertTrue(creator.page(Tenantry.host("public"), "/new-tenant.xhtml").body().contains("tenant:label"));
        }
    }
}
