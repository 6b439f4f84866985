package io.tenantry.access;

import jakarta.inject.Inject;
import java.util.Collections;

import io.tenantry.tenancy.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

/**
 * What an import of a tenant's archive asks of access, inside the import's transaction (routed to
 * the tenant being imported into): the tenant's groups make way for the archive's, the built-in
 * Administrator group keeps every permission and the owner in it, and people invited by the import
 * join their groups once they are members. The archive's own rows of these tables are loaded by
 * the import as rows; the rules about them stay here.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ImportedGroups {

    @Inject
    TenantTermsDirectory tenantTerms;

    @PersistenceContext(unitName = "tenantry")
    EntityManager em;

    @Inject
    AccessVersions accessVersions;

    /** Removes the tenant's groups (with their permissions and members) before the archive's are loaded. */
    public void makeWayForArchivedGroups() {
        // Access version bumped by keepAdministrators, which the import calls in this transaction once its tables are in.
        em.createNativeQuery("DELETE FROM access_group").executeUpdate();
    }

    /**
     * Gives the built-in Administrator group every permission again, whatever the archive said, and
     * keeps the tenant's owner (if it has one) in it. Called once the archive's tables are in, it bumps
     * the tenant's access version for the whole import or restore ({@link AccessVersions}): the archive's
     * groups, members and permissions are written in this same transaction.
     */
    public void keepAdministrators(Tenant tenant) {
        // One parameter per permission in a VALUES list, not unnest(?) of an array: Citus 13 sends an
        // INSERT … SELECT over a set-returning function of a parameter to the tenant's worker with a
        // condition it cannot write (" IS NOT NULL", a syntax error there).
        Query grant = em.createNativeQuery("INSERT INTO group_permission (group_id, permission) SELECT g.id, p.code "
                + "FROM access_group g CROSS JOIN (VALUES " + String.join(", ", Collections.nCopies(Permission.values().length, "(?)"))
                + ") AS p(code) WHERE g.built_in AND g.name = 'Administrator' ON CONFLICT DO NOTHING");
        Permission[] permissions = Permission.values();
        for (int i = 0; i < permissions.length; i++) {
            grant.setParameter(i + 1, permissions[i].code());
        }
        grant.executeUpdate();
        tenantTerms.of(tenant).ownerId().ifPresent(owner -> em.createNativeQuery(
                        "INSERT INTO group_member (group_id, account_id) SELECT id, ? FROM access_group "
                                + "WHERE built_in AND name = 'Administrator' ON CONFLICT DO NOTHING")
                .setParameter(1, owner).executeUpdate());
        accessVersions.bump(tenant.id());
    }

    /** Puts a member of the tenant in a group the archive named for them (already in it: nothing changes). */
    public void join(long groupId, long accountId) {
        // Access version bumped by keepAdministrators, called before in the same transaction.
        em.createNativeQuery("INSERT INTO group_member (group_id, account_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .setParameter(1, groupId).setParameter(2, accountId).executeUpdate();
    }
}
