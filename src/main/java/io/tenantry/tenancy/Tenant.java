package io.tenantry.tenancy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One row of the tenant registry: who the tenant is, where its data lives, at which schema
 * version, who owns it and on what terms. {@code filesFolder} names its folder of files, unique to
 * this tenant's life (a label is used again after a deletion, the folder never);
 * {@code beingDeleted} says its deletion has begun: it is out of service on every instance.
 */
public record Tenant(long id, TenantLabel label, SchemaName schema, String name, Terms terms, Instant createdAt,
        String schemaVersion, String filesFolder, boolean beingDeleted) {

    /**
     * What the owner and the operator decide about a tenant; the owner is absent only for a public
     * tenant made before owners existed. {@code extraEmails} also get the tenant's notices;
     * {@code navText} is shown beside the name in the navigation bar.
     */
    public record Terms(Optional<Long> ownerId, String organization, boolean publiclyReadable,
            Optional<Instant> paidUntil, List<String> extraEmails, String navText) {

        public Terms {
            organization = organization == null ? "" : organization.strip();
            extraEmails = extraEmails == null ? List.of() : List.copyOf(extraEmails);
            navText = navText == null ? "" : navText.strip();
        }

        public Terms(Optional<Long> ownerId, String organization, boolean publiclyReadable,
                Optional<Instant> paidUntil) {
            this(ownerId, organization, publiclyReadable, paidUntil, List.of(), "");
        }

        public Terms withOwner(long owner) {
            return new Terms(Optional.of(owner), organization, publiclyReadable, paidUntil, extraEmails, navText);
        }

        public Terms withPaidUntil(Optional<Instant> until) {
            return new Terms(ownerId, organization, publiclyReadable, until, extraEmails, navText);
        }

        /** What the tenant's administrators may change themselves. */
        public Terms withSettings(String organization, boolean publiclyReadable, List<String> extraEmails,
                String navText) {
            return new Terms(ownerId, organization, publiclyReadable, paidUntil, extraEmails, navText);
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
        return new Tenant(id, label, schema, name, terms, createdAt, version, filesFolder, beingDeleted);
    }
}
