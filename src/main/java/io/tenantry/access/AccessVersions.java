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
 * Each tenant's access version ({@code public.tenant_terms.access_version}): a number that goes up with
 * every change of who may do what there, its members, its groups, their members and their permissions.
 * Whatever changes one of those bumps the version in the transaction that makes the change ({@link #bump}),
 * so a reader that finds the version as it was when it read an account's permissions
 * ({@link KnownPermissions}) knows they still hold, on whichever instance the change was made
 * ({@code AccessWritesTest} finds the writes in the sources). Bumped by the application, where every such
 * write is, rather than by a trigger in every tenant schema; kept in {@code public.tenant_terms}, the row
 * every tenant already has, gone with it. A change made outside
 * Tenantry (psql, a schema put back from a dump) must bump it too (docs/operations.md, "Changing who may
 * do what by hand").
 */
@ApplicationScoped
public class AccessVersions {

    @PersistenceContext(unitName = "tenantry")
    EntityManager em;

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    /**
     * Bumps the tenant's (by id) access version, in the caller's transaction: it commits or rolls back with
     * the change. The cost: the tenant's terms row stays locked until then, so the tenant's changes of
     * access, the member limit's check ({@link MemberLimit}, which locks the row too) and changes of its
     * terms wait for one another.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void bump(long tenantId) {
        em.createNativeQuery("UPDATE public.tenant_terms SET access_version = access_version + 1 WHERE tenant_id = ?")
                .setParameter(1, tenantId).executeUpdate();
    }

    /**
     * The tenant's (by id) access version now, as one that permissions may be kept under; empty when the tenant
     * is gone, or when the caller's transaction has written anything (a version it bumped may yet roll back,
     * and a later change reach the same number with other groups). Plain JDBC on a schema-qualified
     * table, not the tenant's EntityManager: one untagged statement for every tenant, which a connection
     * prepares once whichever tenants it serves (a tagged one is parsed and planned again for each tenant:
     * {@code tenancy.TenantTaggedDataSource}). In the caller's transaction if there is one, else alone.
     */
    public OptionalLong current(long tenantId) {
        try (Connection connection = Database.connection(dataSource);
             PreparedStatement select = connection.prepareStatement(
                     "SELECT access_version, txid_current_if_assigned() IS NULL FROM public.tenant_terms WHERE tenant_id = ?")) {
            select.setLong(1, tenantId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() && row.getBoolean(2) ? OptionalLong.of(row.getLong(1)) : OptionalLong.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the access version of tenant " + tenantId, e);
        }
    }

    /**
     * Whether a tenant's groups may live on another node than its access version: whenever the database has
     * the Citus extension, whatever its settings say now (a deployment moving onto Citus turns schema-based
     * sharding on and distributes its tenants while they serve: docs/scale.md). On a cluster sharding by
     * schema the tenant's tables are on a worker and {@code public.tenant_terms} on the coordinator; a change
     * of both commits on one node and then the other, and a reader between the two could see the new version
     * with the old groups, so the version does not tell that kept permissions still hold.
     */
    public boolean mayBeApartFromTheGroups() {
        try (Connection connection = Database.connection(dataSource);
             PreparedStatement citus = connection.prepareStatement("SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'citus')");
             ResultSet row = citus.executeQuery()) {
            row.next();
            return row.getBoolean(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not tell whether the database has the Citus extension", e);
        }
    }
}
