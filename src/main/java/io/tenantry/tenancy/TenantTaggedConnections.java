package io.tenantry.tenancy;

import javax.sql.DataSource;

import io.tenantry.platform.DatabaseAtStart;

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
 * ({@link DatabaseAtStart}).
 */
public class TenantTaggedConnections implements SessionCustomizer {

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
        DatabaseAtStart.await(pool, ConfigProvider.getConfig(TenantTaggedConnections.class.getClassLoader()));
        if (!(pool instanceof TenantTaggedDataSource)) {
            connector.setDataSource(new TenantTaggedDataSource(pool));
        }
    }
}
