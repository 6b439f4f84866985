package io.tenantry.access;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.OptionalLong;

import javax.sql.DataSource;

import io.tenantry.platform.Database;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * The count of changes to who may do what in a tenant ({@code public.tenant_terms.access_version}): its
 * members, its groups, their members and their permissions. Whatever writes one of those counts it in
 * the same transaction ({@link #count}), so a reader that finds the count as it was when it read an
 * account's permissions ({@link KnownPermissions}) knows they still hold, on whichever instance
 * made the change. A change made outside Tenantry (psql) must count itself too (docs/operations.md).
 */
@ApplicationScoped
public class MembershipChanges {

    @PersistenceContext(unitName = "tenantry")
    EntityManager em;

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    /**
     * Counts one change to the tenant's (by id) members, groups or permissions, in the caller's
     * transaction: it commits or rolls back with the change. It locks the tenant's terms row until then,
     * as {@link MemberLimit} does, so the tenant's changes of access commit one after the other.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void count(long tenantId) {
        em.createNativeQuery("UPDATE public.tenant_terms SET access_version = access_version + 1 WHERE tenant_id = ?")
                .setParameter(1, tenantId).executeUpdate();
    }

    /**
     * The tenant's (by id) count now, read from the shared table alone (no tenant schema, one statement
     * for every tenant); empty when the tenant is gone. In the caller's transaction if there is one, else
     * in one of its own.
     */
    public OptionalLong current(long tenantId) {
        try (Connection connection = Database.connection(dataSource);
             PreparedStatement select = connection.prepareStatement(
                     "SELECT access_version FROM public.tenant_terms WHERE tenant_id = ?")) {
            select.setLong(1, tenantId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? OptionalLong.of(row.getLong(1)) : OptionalLong.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the access version of tenant " + tenantId, e);
        }
    }
}
