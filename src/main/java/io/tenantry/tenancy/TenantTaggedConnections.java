package io.tenantry.tenancy;

import java.util.Optional;
import java.util.logging.Logger;

import javax.sql.DataSource;

import io.tenantry.platform.DatabaseAtStart;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.Connector;
import org.eclipse.persistence.sessions.DatasourceLogin;
import org.eclipse.persistence.sessions.JNDIConnector;
import org.eclipse.persistence.sessions.Session;

/**
 * Puts {@link TenantTaggedDataSource} between EclipseLink and the server's pool, so that the
 * statements of tenants' transactions are tagged whatever server defined the pool. Registered in
 * persistence.xml ({@code eclipselink.session.customizer}); runs once, when the persistence unit
 * deploys, after the container has handed EclipseLink the pool ({@code jta-data-source}), and
 * before EclipseLink's first login, which it lets wait for a database not reachable yet
 * ({@link DatabaseAtStart}). It also has each pooled connection retired after the tenants
 * DB_TENANTS_PER_CONNECTION allows ({@link TenantsPerConnection}).
 */
public class TenantTaggedConnections implements SessionCustomizer {

    private static final Logger LOG = Logger.getLogger(TenantTaggedConnections.class.getName());
    private static final String TENANTS_PER_CONNECTION = "db.tenants-per-connection";

    @Override
    public void customize(Session session) {
        Connector used = ((DatasourceLogin) session.getDatasourceLogin()).getConnector();
        if (!(used instanceof JNDIConnector connector)) {
            throw new IllegalStateException("EclipseLink reaches the database through " + used + ", not the server's data source: tenants' statements could not be tagged");
        }
        DataSource pool = connector.getDataSource();
        if (pool == null) {
            throw new IllegalStateException("EclipseLink has only the name " + connector.getName()
                    + " of the data source, not the data source itself: tenants' statements could not be tagged");
        }
        Config config = ConfigProvider.getConfig(TenantTaggedConnections.class.getClassLoader());
        DatabaseAtStart.await(pool, config);
        if (!(pool instanceof TenantTaggedDataSource)) {
            connector.setDataSource(new TenantTaggedDataSource(pool, tenantsPerConnection(pool, config)));
        }
    }

    /**
     * DB_TENANTS_PER_CONNECTION, checked on every server; applied where the pool can retire one
     * connection ({@link PoolRetirement}), and said so in the log either way.
     */
    private static Optional<TenantsPerConnection> tenantsPerConnection(DataSource pool, Config config) {
        Optional<String> setting = config.getOptionalValue(TENANTS_PER_CONNECTION, String.class);
        TenantsPerConnection.limit(setting);
        Optional<TenantsPerConnection> applied = PoolRetirement.of(pool).map(retire -> TenantsPerConnection.of(setting, retire));
        applied.ifPresent(TenantsPerConnection::apply);
        LOG.info(applied.map(limit -> "Tenantry: " + limit).orElse("Tenantry: DB_TENANTS_PER_CONNECTION does not apply:"
                + " this server's pool cannot close one connection on request; flush it on a schedule (docs/operations.md)"));
        return applied;
    }
}
