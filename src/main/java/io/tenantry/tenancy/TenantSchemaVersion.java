package io.tenantry.tenancy;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The version every tenant schema must be at to be served: the code's newest tenant migration,
 * known once the template is migrated at start-up. Set by {@code migration.SchemaMigrations}, read
 * here so that tenancy (the 503 of a tenant behind the code) needs nothing of the floor above it.
 */
@ApplicationScoped
public class TenantSchemaVersion {

    private volatile String version;

    /** Records the version (as Flyway writes it, e.g. {@code "12"}) the template was brought to. */
    public void set(String version) {
        this.version = version;
    }

    /** The version; IllegalStateException before the template has been migrated. */
    public String value() {
        String known = version;
        if (known == null) {
            throw new IllegalStateException("The template has not been migrated yet");
        }
        return known;
    }
}
