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
     * {@code navText} is shown beside the name in the navigation bar. {@code trialEnds} is when the
     * trial given at creation ends (set once, never changed); empty for a tenant made without one.
     */
    public record Terms(Optional<Long> ownerId, String organization, boolean publiclyReadable,
            Optional<Instant> paidUntil, List<String> extraEmails, String navText, Optional<Instant> trialEnds) {

        public Terms {
            organization = organization == null ? "" : organization.strip();
            extraEmails = extraEmails == null ? List.of() : List.copyOf(extraEmails);
            navText = navText == null ? "" : navText.strip();
            trialEnds = trialEnds == null ? Optional.empty() : trialEnds;
        }

        public Terms(Optional<Long> ownerId, String organization, boolean publiclyReadable,
                Optional<Instant> paidUntil, List<String> extraEmails, String navText) {
            this(ownerId, organization, publiclyReadable, paidUntil, extraEmails, navText, Optional.empty());
        }

        public Terms(Optional<Long> ownerId, String organization, boolean publiclyReadable,
                Optional<Instant> paidUntil) {
            this(ownerId, organization, publiclyReadable, paidUntil, List.of(), "");
        }

        public Terms withOwner(long owner) {
            return new Terms(Optional.of(owner), organization, publiclyReadable, paidUntil, extraEmails, navText,
                    trialEnds);
        }

        public Terms withPaidUntil(Optional<Instant> until) {
            return new Terms(ownerId, organization, publiclyReadable, until, extraEmails, navText, trialEnds);
        }

        /** A new tenant's terms with a trial ending at {@code ends}: paid-until starts there too. */
        public Terms withTrialUntil(Instant ends) {
            return new Terms(ownerId, organization, publiclyReadable, Optional.of(ends), extraEmails, navText,
                    Optional.of(ends));
        }

        /** What the tenant's administrators may change themselves. */
        public Terms withSettings(String organization, boolean publiclyReadable, List<String> extraEmails,
                String navText) {
            return new Terms(ownerId, organization, publiclyReadable, paidUntil, extraEmails, navText, trialEnds);
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

    /**
     * Where the tenant's subscription stands at {@code now}: the public tenant is {@link Subscription#FREE};
     * no paid-until, or one not after now, is {@link Subscription#EXPIRED}; a paid-until still at the
     * end of the trial given at creation is {@link Subscription#TRIAL}; any other is {@link Subscription#PAID}.
     */
    public Subscription subscriptionAt(Instant now) {
        if (isPublic()) {
            return Subscription.FREE;
        }
        if (isUnpaidAt(now)) {
            return Subscription.EXPIRED;
        }
        return terms.paidUntil().equals(terms.trialEnds()) ? Subscription.TRIAL : Subscription.PAID;
    }

    public Tenant atVersion(String version) {
        return new Tenant(id, label, schema, name, terms, createdAt, version, filesFolder, beingDeleted);
    }
}
