package io.tenantry.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.tenantry.testing.DeployedTenantry;
import io.tenantry.testing.Tenantry;

/**
 * Every page that an id in its address names an item on (a view parameter) answers 404 for an id that
 * names none: malformed, beyond a long, zero, negative, unknown or holding a control character; never a
 * 500, never an empty form with a conversion message.
 */
class PageIdsIT extends DeployedTenantry {

    /** The pages and the view parameter that names their item. */
    private static final List<String> PAGES = List.of("/case.xhtml?id=", "/plan.xhtml?id=", "/run.xhtml?id=",
            "/cases.xhtml?product=", "/dashboard.xhtml?product=");

    /** Ids that name no item, as an address may carry them. */
    private static final List<String> BAD_IDS = List.of("abc", "1.5", "%2B1", "0x1", "-1", "0", "999",
            "9223372036854775807", "9223372036854775808", "99999999999999999999", "1%20", "%00", "1%00", "%01",
            "%7F");

    private String host;
    private Tenantry owner;
    private long product;

    @BeforeEach
    void aTenantWithAProduct() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        owner = app.newAccount("owner-" + suffix);
        assertEquals(201, app.createTenant("ids-" + suffix, "Ids", "owner-" + suffix).status());
        host = Tenantry.host("ids-" + suffix);
        product = owner.post(host, "/api/products", "{\"name\":\"Shop\"}").json().asJsonObject().getJsonNumber("id")
                .longValue();
    }

    @Test
    void anIdThatNamesNoItemIsNotFound() {
        for (String page : PAGES) {
            for (String id : BAD_IDS) {
                Tenantry.Reply reply = owner.page(host, page + id);
                assertEquals(404, reply.status(), page + id + ": " + reply);
            }
        }
    }

    @Test
    void anIdThatNamesAnItemShowsIt() {
        long plan = owner.post(host, "/api/plans", "{\"productId\":" + product + ",\"name\":\"Release\"}").json()
                .asJsonObject().getJsonNumber("id").longValue();
        long testCase = owner.post(host, "/api/cases", "{\"productId\":" + product + ",\"summary\":\"Log in\"}").json()
                .asJsonObject().getJsonNumber("id").longValue();
        for (String page : List.of("/case.xhtml?id=" + testCase, "/plan.xhtml?id=" + plan,
                "/cases.xhtml?product=" + product, "/dashboard.xhtml?product=" + product, "/cases.xhtml",
                "/dashboard.xhtml")) {
            Tenantry.Reply reply = owner.page(host, page);
            assertEquals(200, reply.status(), page + ": " + reply);
        }
    }
}
