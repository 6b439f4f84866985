package io.tenantry.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Base64;

import io.tenantry.testing.Tenantry;

/** Tenants for the archive tests: made for an owner with a Tester, and filled with a little of everything. */
final class Workspaces {

    static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");

    private Workspaces() {
    }

    /** A new tenant owned by {@code owner-<suffix>}, with {@code tester-<suffix>} authorized; its host. */
    static String tenant(Tenantry app, Tenantry owner, Tenantry tester, String label, String suffix) {
        assertEquals(201, app.createTenant(label, label, "owner-" + suffix).status());
        String host = Tenantry.host(label);
        owner.bringIn(host, "tester-" + suffix);
        return host;
    }

    /** A little of everything: product, version, build, plan and document, cases, history, run, comments, files, a group, a logo. */
    static void fill(String host, Tenantry owner, Tenantry tester, String suffix) {
        owner.post(host, "/api/products", "{\"name\":\"Shop\"}");
        owner.post(host, "/api/products/1/versions", "{\"value\":\"1.0\"}");
        owner.post(host, "/api/products/1/builds", "{\"name\":\"1.0-rc\"}");
        owner.post(host, "/api/plans", "{\"productId\":1,\"versionId\":1,\"name\":\"Release\",\"document\":\"Scope: all\"}");
        tester.post(host, "/api/cases", "{\"productId\":1,\"summary\":\"Log in\",\"status\":\"CONFIRMED\",\"tags\":[\"smoke\"],"
                + "\"defaultTester\":\"tester-" + suffix + "\"}");
        tester.post(host, "/api/cases", "{\"productId\":1,\"summary\":\"Pay\",\"status\":\"CONFIRMED\"}");
        owner.put(host, "/api/cases/2", "{\"summary\":\"Pay by card\",\"status\":\"CONFIRMED\",\"priority\":1}");
        owner.post(host, "/api/plans/1/cases", "{\"caseIds\":[1,2]}");
        tester.post(host, "/api/runs", "{\"planId\":1,\"buildId\":1,\"summary\":\"rc\",\"manager\":\"owner-" + suffix + "\"}");
        tester.put(host, "/api/runs/1/executions/1", "{\"status\":\"PASSED\"}");
        tester.post(host, "/api/runs/1/executions/1/comments", "{\"text\":\"fine\"}");
        tester.post(host, "/api/cases/1/attachments?name=shot.png", "image/png", PNG);
        owner.post(host, "/api/groups", "{\"name\":\"Readers\",\"permissions\":[\"CASE_VIEW\"]}");
        assertEquals(204, owner.put(host, "/api/settings/logo", "image/png", PNG).status());
    }
}
