package io.tenantry.access;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the owner and the operator decide about a tenant, kept by access in
 * {@code public.tenant_terms} (one row per tenant, gone with it); the owner is absent only for a
 * public tenant made before owners existed. {@code extraEmails} also get the tenant's notices;
 * {@code navText} is shown beside the name in the navigation bar. {@code trialEnds} is when the trial
 * given at creation ends (set once, never changed); empty for a tenant made without one.
 * {@link Subscription#of} says where its subscription stands.
 */
public record TenantTerms(Optional<Long> ownerId, String organization, boolean publiclyReadable,
        Optional<Instant> paidUntil, List<String> extraEmails, String navText, Optional<Instant> trialEnds) {

    public TenantTerms {
        ownerId = ownerId == null ? Optional.empty() : ownerId;
        organization = organization == null ? "" : organization.strip();
        paidUntil = paidUntil == null ? Optional.empty() : paidUntil;
        extraEmails = extraEmails == null ? List.of() : List.copyOf(extraEmails);
        navText = navText == null ? "" : navText.strip();
        trialEnds = trialEnds == null ? Optional.empty() : trialEnds;
    }

    /** A new tenant's terms: its owner, organization, readability and paid-until; no trial, no extra addresses. */
    public TenantTerms(Optional<Long> ownerId, String organization, boolean publiclyReadable,
            Optional<Instant> paidUntil) {
        this(ownerId, organization, publiclyReadable, paidUntil, List.of(), "", Optional.empty());
    }

    public boolean isOwnedBy(long accountId) {
        return ownerId.filter(owner -> owner == accountId).isPresent();
    }

    public TenantTerms withOwner(long owner) {
        return new TenantTerms(Optional.of(owner), organization, publiclyReadable, paidUntil, extraEmails, navText,
                trialEnds);
    }

    public TenantTerms withPaidUntil(Optional<Instant> until) {
        return new TenantTerms(ownerId, organization, publiclyReadable, until, extraEmails, navText, trialEnds);
    }

    /** A new tenant's terms with a trial ending at {@code ends}: paid-until starts there too. */
    public TenantTerms withTrialUntil(Instant ends) {
        return new TenantTerms(ownerId, organization, publiclyReadable, Optional.of(ends), extraEmails, navText,
                Optional.of(ends));
    }

    /** What the tenant's administrators may change themselves. */
    public TenantTerms withSettings(String organization, boolean publiclyReadable, List<String> extraEmails,
            String navText) {
        return new TenantTerms(ownerId, organization, publiclyReadable, paidUntil, extraEmails, navText, trialEnds);
    }
}
