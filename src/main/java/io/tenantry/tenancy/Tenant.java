package io.tenantry.tenancy;

import java.time.Instant;

/**
 * One row of the tenant registry: who the tenant is, where its data lives and at which schema
 * version; what routing and provisioning need, and no more (its owner and terms are access's,
 * {@code access.TenantTerms}). {@code filesFolder} names its folder of files, unique to this
 * tenant's life (a label is used again after a deletion, the folder never); {@code beingDeleted}
 * says its deletion has begun: it is out of service on every instance. {@code restoringUntil}, when
 * not null, is how long a restore under way on some instance keeps it out of service, on this
 * instance's clock ({@link TenantRestores}).
 */
public record Tenant(long id, TenantLabel label, SchemaName schema, String name, Instant createdAt,
        String schemaVersion, String filesFolder, boolean beingDeleted, Instant restoringUntil) {

    public boolean isPublic() {
        return label.equals(TenantLabel.PUBLIC);
    }

    /** The same tenant with its files in another folder (a restore's, before it commits). */
    public Tenant withFilesIn(String folder) {
        return new Tenant(id, label, schema, name, createdAt, schemaVersion, folder, beingDeleted, restoringUntil);
    }

    /** Whether a restore on some instance holds the tenant out of service at {@code now}. */
    public boolean beingRestoredAt(Instant now) {
        return restoringUntil != null && restoringUntil.isAfter(now);
    }
}
