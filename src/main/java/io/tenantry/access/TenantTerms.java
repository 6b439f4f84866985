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
 * {@code planId} is its subscription plan ({@link SubscriptionPlans#of}), whose limits it keeps to.
 * {@link Subscription#of} says where its subscription stands.
 */
public record TenantTerms(Optional<Long> ownerId, String organization, boolean publiclyReadable,
        Optional<Instant> paidUntil, List<String> extraEmails, String navText, Optional<Instant> trialEnds,
        long planId) {

    public TenantTerms {
        ownerId = ownerId == null ? Optional.empty() : ownerId;
        organization = organization == null ? "" : organization.strip();
        paidUntil = paidUntil == null ? Optional.empty() : paidUntil;
        extraEmails = extraEmails == null ? List.of() : List.copyOf(extraEmails);
        navText = navText == null ? "" : navText.strip();
        trialEnds = trialEnds == null ? Optional.empty() : trialEnds;
    }

    /** A new tenant's terms: its owner, organization, readability, paid-until and plan; no trial, no extra addresses. */
    public TenantTerms(Optional<Long> ownerId, String organization, boolean publiclyReadable,
            Optional<Instant> paidUntil, long planId) {
        this(ownerId, organization, publiclyReadable, paidUntil, List.of(), "", Optional.empty(), planId);
    }

    /**
     * True for the terms of a tenant deleted meanwhile ({@link TenantTermsDirectory#of} gives them):
     * every kept tenant's terms name a plan (a foreign key), those have none (plan id 0).
     */
    public boolean gone() {
        return planId == 0;
    }

    public boolean isOwnedBy(long accountId) {
        return ownerId.filter(owner -> owner == accountId).isPresent();
    }

    public TenantTerms withOwner(long owner) {
        return new TenantTerms(Optional.of(owner), organization, publiclyReadable, paidUntil, extraEmails, navText,
                trialEnds, planId);
    }

    public TenantTerms withPaidUntil(Optional<Instant> until) {
        return new TenantTerms(ownerId, organization, publiclyReadable, until, extraEmails, navText, trialEnds, planId);
    }

    /** A new tenant's terms with a trial ending at {@code ends}: paid-until starts there too. */
    public TenantTerms withTrialUntil(Instant ends) {
        return new TenantTerms(ownerId, organization, publiclyReadable, Optional.of(ends), extraEmails, navText,
                Optional.of(ends), planId);
    }

    /** What the tenant's administrators may change themselves. */
    public TenantTerms withSettings(String organization, boolean publiclyReadable, List<String> extraEmails,
            String navText) {
        return new TenantTerms(ownerId, organization, publiclyReadable, paidUntil, extraEmails, navText, trialEnds, planId);
    }

    public TenantTerms withPlan(long plan) {
        return new TenantTerms(ownerId, organization, publiclyReadable, paidUntil, extraEmails, navText, trialEnds,
                plan);
    }
}
