package io.tenantry.tenancy;

import java.time.Instant;
import java.util.Optional;

/**
 * One row of the tenant registry: who the tenant is, where its data lives, at which schema
 * version, who owns it and on what terms.
 */
public record Tenant(long id, TenantLabel label, SchemaName schema, String name, Terms terms, Instant createdAt,
        String schemaVersion) {

    /** What the owner and the operator decide about a tenant; the owner is absent only for the public tenant. */
    public record Terms(Optional<Long> ownerId, String organization, boolean publiclyReadable,
            Optional<Instant> paidUntil) {

        public Terms {
            organization = organization == null ? "" : organization.strip();
        }
    }

    public boolean isPublic() {
        return label.equals(TenantLabel.PUBLIC);
    }

    public boolean isOwnedBy(long accountId) {
        return terms.ownerId().filter(owner -> owner == accountId).isPresent();
    }

    /** No paid-until date, or one in the past; the public tenant is never unpaid. */
    public boolean isUnpaidAt(Instant now) {
        return !isPublic() && terms.paidUntil().map(until -> !until.isAfter(now)).orElse(true);
    }

    public Tenant atVersion(String version) {
        return new Tenant(id, label, schema, name, terms, createdAt, version);
    }
}
