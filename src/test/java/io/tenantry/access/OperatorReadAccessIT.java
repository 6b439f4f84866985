package io.tenantry.access;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.tenantry.testing.PayaraProcess;
import io.tenantry.testing.Tenantry;

/** With OPERATORS_READ_ACCESS on, the super-user may read any tenant and still change nothing. */
class OperatorReadAccessIT {

    @Test
    void operatorsReadButNeverChange() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        try (PayaraProcess server = PayaraProcess.start(true, "-Doperators.read-access=true")) {
            Tenantry operator = new Tenantry(server.url()).awaitReady();
            operator.newAccount("owner-" + suffix);
            assertEquals(201, operator.onPublic("POST", "/api/tenants", "{\"label\":\"private-" + suffix
                    + "\",\"name\":\"Private\",\"owner\":\"owner-" + suffix + "\"}").status());
            String host = Tenantry.host("private-" + suffix);

            assertEquals(200, operator.get(host, "/api/products").status());
            assertEquals(200, operator.page(host, "/").status());
            assertEquals(403, operator.post(host, "/api/products", "{\"name\":\"Nope\"}").status());
            assertEquals(403, operator.get(host, "/api/members").status(), "reading data is not seeing the members");
        }
    }
}
