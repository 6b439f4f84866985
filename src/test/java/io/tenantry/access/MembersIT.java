package io.tenantry.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.tenantry.testing.DeployedTenantry;
import io.tenantry.testing.Tenantry;
import jakarta.json.JsonObject;

/** Authorized users and groups: rights per tenant, only members in groups, the owner always in. */
class MembersIT extends DeployedTenantry {

    private String suffix;
    private String one;
    private String two;
    private Tenantry jane;

    @BeforeEach
    void twoTenants() {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        one = Tenantry.host("one-" + suffix);
        two = Tenantry.host("two-" + suffix);
        assertEquals(201, app.createTenant("one-" + suffix, "One").status());
        assertEquals(201, app.createTenant("two-" + suffix, "Two").status());
        jane = app.newAccount("jane-" + suffix);
    }

    @Test
    void theSamePersonIsAdministratorInOneTenantAndTesterInAnother() {
        authorize(one, "jane-" + suffix);
        authorize(two, "jane-" + suffix);
        assertEquals(204, app.post(one, "/api/groups/" + app.groupId(one, "Administrator") + "/members",
                "{\"username\":\"jane-" + suffix + "\"}").status());

        assertTrue(jane.get(one, "/api/me").body().contains("MEMBERS_MANAGE"));
        assertFalse(jane.get(two, "/api/me").body().contains("MEMBERS_MANAGE"));
        assertEquals(200, jane.get(one, "/api/groups").status());
        assertEquals(403, jane.get(two, "/api/groups").status());
        JsonObject member = app.get(two, "/api/members").json().asJsonObject().getJsonArray("items").stream().map(v -> v.asJsonObject())
                .filter(m -> m.getString("username").equals("jane-" + suffix)).findFirst().orElseThrow();
        assertEquals("[\"Tester\"]", member.getJsonArray("groups").toString(), "authorized users join the default group");
    }

    @Test
    void theDefaultGroupsAreChosenPerTenant() {
        assertEquals(204, app.put(one, "/api/groups/" + app.groupId(one, "Tester"), "{\"memberDefault\":false}").status());
        assertEquals(204, app.put(one, "/api/groups/" + app.groupId(one, "Administrator"), "{\"memberDefault\":true}")
                .status());
        authorize(one, "jane-" + suffix);
        authorize(two, "jane-" + suffix);

        assertEquals(200, jane.get(one, "/api/groups").status(), "an Administrator in one");
        assertEquals(403, jane.get(two, "/api/groups").status(), "a Tester in two, whose defaults did not change");
        assertEquals(403, jane.put(two, "/api/groups/" + app.groupId(two, "Tester"), "{\"memberDefault\":false}").status());
    }

    @Test
    void removingAuthorizationRemovesTheGroupMembershipsThereOnly() {
        authorize(one, "jane-" + suffix);
        authorize(two, "jane-" + suffix);
        assertEquals(204, app.delete(one, "/api/members/jane-" + suffix).status());

        assertEquals(403, jane.get(one, "/api/products").status());
        assertFalse(app.get(one, "/api/groups").body().contains("jane-" + suffix), "no group keeps her in one");
        assertTrue(app.get(two, "/api/groups").body().contains("jane-" + suffix), "two is untouched");
        assertEquals(200, jane.get(two, "/api/products").status());
    }

    @Test
    void onlyAuthorizedUsersCanBePutInAGroup() {
        Tenantry.Reply refused = app.post(one, "/api/groups/" + app.groupId(one, "Tester") + "/members",
                "{\"username\":\"jane-" + suffix + "\"}");
        assertEquals(400, refused.status());
        assertTrue(refused.body().contains("is not an authorized user of One"), refused.body());
    }

    @Test
    void noOneIsAddedByUserNameSoNamesCannotBeProbed() {
        Tenantry.Reply known = app.post(one, "/api/members", "{\"username\":\"jane-" + suffix + "\"}");
        Tenantry.Reply unknown = app.post(one, "/api/members", "{\"username\":\"nobody-" + suffix + "\"}");
        assertEquals(unknown.status(), known.status(), "the same answer for a name with an account and one without");
        assertTrue(known.status() >= 400, known.toString());
        assertEquals(403, jane.get(one, "/api/products").status(), "not brought in without her consent");
    }

    @Test
    void onlyThoseWhoManageMembersSeeTheirAddresses() {
        authorize(one, "jane-" + suffix);
        String asTester = jane.get(one, "/api/members").body();
        assertTrue(asTester.contains("jane-" + suffix), asTester);
        assertFalse(asTester.contains("@"), "a Tester sees names, not addresses: " + asTester);
        assertFalse(jane.page(one, "/members.xhtml").body().contains("@example.com"), "nor on the page");

        assertTrue(app.get(one, "/api/members").body().contains("jane-" + suffix + "@example.com"),
                "the Administrators, who invite and remove people, see them");
        assertTrue(app.page(one, "/members.xhtml").body().contains("jane-" + suffix + "@example.com"));
    }

    @Test
    void theOwnerCanBeNeitherRemovedNorTakenOutOfAdministrator() {
        authorize(one, "jane-" + suffix);
        assertEquals(204, app.post(one, "/api/groups/" + app.groupId(one, "Administrator") + "/members",
                "{\"username\":\"jane-" + suffix + "\"}").status());

        Tenantry.Reply removal = jane.delete(one, "/api/members/" + Tenantry.ADMIN);
        assertEquals(403, removal.status());
        assertTrue(removal.body().contains("owner"), removal.body());
        assertEquals(403, jane.delete(one, "/api/groups/" + app.groupId(one, "Administrator") + "/members/"
                + Tenantry.ADMIN).status());
        assertEquals(204, jane.delete(one, "/api/groups/" + app.groupId(one, "Tester") + "/members/jane-" + suffix)
                .status(), "other memberships can change");
    }

    @Test
    void aNewOwnerIsAuthorizedAndAnAdministratorAtOnce() {
        Tenantry.Reply changed = app.onPublic("PUT", "/api/tenants/one-" + suffix, "{\"owner\":\"jane-" + suffix + "\"}");
        assertEquals(200, changed.status(), changed.body());
        assertEquals("jane-" + suffix, changed.json().asJsonObject().getString("owner"));

        assertEquals(200, jane.get(one, "/api/groups").status(), "the owner administers the tenant");
        assertEquals(403, jane.delete(one, "/api/groups/" + app.groupId(one, "Administrator") + "/members/jane-" + suffix)
                .status());
    }

    private void authorize(String host, String username) {
        app.bringIn(host, username);
    }
}
