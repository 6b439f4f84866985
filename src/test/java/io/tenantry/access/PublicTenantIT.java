package io.tenantry.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.tenantry.testing.DeployedTenantry;
import io.tenantry.testing.Tenantry;
import jakarta.json.JsonObject;

/**
 * The public (master) tenant is the platform's own: registering gives an account its pages there
 * (profile, tokens, its tenants, a new tenant) but no say over its workspace, which only the
 * members listed in its {@code tenant_member} may change, as on any other tenant.
 */
class PublicTenantIT extends DeployedTenantry {

    private static final String HOST = Tenantry.host("public");

    private String suffix;
    private Tenantry stranger;
    private long product;
    private long testCase;
    private long plan;
    private long run;

    @BeforeEach
    void theOperatorKeepsAWorkspaceOnThePublicHost() {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        stranger = app.newAccount("stranger-" + suffix);
        product = created(app.post(HOST, "/api/products", "{\"name\":\"Platform " + suffix + "\"}"));
        testCase = created(app.post(HOST, "/api/cases", "{\"productId\":" + product + ",\"summary\":\"Case\"}"));
        plan = created(app.post(HOST, "/api/plans", "{\"productId\":" + product + ",\"name\":\"Plan\"}"));
        run = created(app.post(HOST, "/api/runs", "{\"planId\":" + plan + ",\"summary\":\"Run\"}"));
    }

    @Test
    void aRegisteredStrangerChangesNothingInThePublicWorkspace() {
        List<Tenantry.Reply> refused = List.of(
                stranger.post(HOST, "/api/products", "{\"name\":\"Mine " + suffix + "\"}"),
                stranger.put(HOST, "/api/products/" + product, "{\"name\":\"Taken " + suffix + "\"}"),
                stranger.post(HOST, "/api/products/" + product + "/versions", "{\"value\":\"6.6.6\"}"),
                stranger.post(HOST, "/api/cases", "{\"productId\":" + product + ",\"summary\":\"Mine\"}"),
                stranger.put(HOST, "/api/cases/" + testCase, "{\"summary\":\"Taken\"}"),
                stranger.post(HOST, "/api/plans", "{\"productId\":" + product + ",\"name\":\"Mine\"}"),
                stranger.put(HOST, "/api/plans/" + plan, "{\"name\":\"Taken\"}"),
                stranger.post(HOST, "/api/runs", "{\"planId\":" + plan + ",\"summary\":\"Mine\"}"),
                stranger.put(HOST, "/api/runs/" + run, "{\"summary\":\"Taken\"}"),
                stranger.delete(HOST, "/api/runs/" + run),
                stranger.delete(HOST, "/api/plans/" + plan),
                stranger.delete(HOST, "/api/cases/" + testCase),
                stranger.delete(HOST, "/api/products/" + product),
                stranger.get(HOST, "/api/products"),
                stranger.get(HOST, "/api/groups"));
        refused.forEach(reply -> assertEquals(403, reply.status(), reply.toString()));
        assertEquals(200, app.get(HOST, "/api/products/" + product).status(), "still there");

        JsonObject me = stranger.get(HOST, "/api/me").json().asJsonObject();
        assertEquals("FORBIDDEN", me.getString("access"));
        assertTrue(me.getJsonArray("permissions").isEmpty(), me.toString());
    }

    @Test
    void aRegisteredStrangerKeepsTheAccountPagesButNoWorkspaceControls() {
        Tenantry.Reply home = stranger.page(HOST, "/");
        assertEquals(200, home.status(), home.body());
        assertTrue(home.body().contains("my-tenants") && home.body().contains("new-tenant-link"), home.body());
        assertFalse(home.body().contains("add-product"), "no form to add a product");
        assertFalse(home.body().contains("Platform " + suffix), "nor the workspace's products");
        assertEquals(200, stranger.page(HOST, "/profile.xhtml").status());
        assertEquals(200, stranger.page(HOST, "/new-tenant.xhtml").status());
        assertEquals(200, stranger.get(HOST, "/api/me/tokens").status());
        assertEquals(201, stranger.post(HOST, "/api/me/tokens", "{\"name\":\"mine\",\"password\":\""
                + Tenantry.PASSWORD_OF_NEW_ACCOUNTS + "\"}").status());
        assertEquals(403, stranger.page(HOST, "/members.xhtml").status());
        assertEquals(302, app.anonymous().page(HOST, "/").status(), "anonymous visitors are asked to sign in");
    }

    @Test
    void theSuperUserAndTheMembersOfThePublicTenantStillWorkThere() {
        assertTrue(app.page(HOST, "/").body().contains("add-product"));
        assertEquals(204, app.delete(HOST, "/api/runs/" + run).status());

        Tenantry member = app.newAccount("member-" + suffix);
        app.bringIn(HOST, "member-" + suffix);
        assertEquals(201, member.post(HOST, "/api/products", "{\"name\":\"Member's " + suffix + "\"}").status());
        created(member.post(HOST, "/api/cases", "{\"productId\":" + product + ",\"summary\":\"Member's\"}"));
        assertTrue(member.page(HOST, "/").body().contains("add-product"));
        assertEquals("MEMBER", member.get(HOST, "/api/me").json().asJsonObject().getString("access"));
    }

    private static long created(Tenantry.Reply reply) {
        assertEquals(201, reply.status(), reply.toString());
        return Long.parseLong(reply.location().substring(reply.location().lastIndexOf('/') + 1));
    }
}
