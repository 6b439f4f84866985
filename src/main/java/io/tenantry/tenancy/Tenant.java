package io.tenantry.tenancy;

import java.time.Instant;

/** One row of the tenant registry: who the tenant is, where its data lives, at which schema version. */
public record Tenant(TenantLabel label, SchemaName schema, String name, Instant createdAt, String schemaVersion) {

    public boolean isPublic() {
        return label.equals(TenantLabel.PUBLIC);
    }

    public Tenant atVersion(String version) {
        return new Tenant(label, schema, name, createdAt, version);
    }
}
