package io.tenantry.access;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.tenantry.accounts.Account;
import io.tenantry.accounts.Accounts;
import io.tenantry.accounts.Caller;
import io.tenantry.faces.ReadersClock;
import io.tenantry.platform.Reason;
import io.tenantry.tenancy.Tenant;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/**
 * What a person is told about a tenant's trial or subscription under TENANTS_BLOCK_UNPAID, as words
 * for the reader: its owner how long is left and what to do (write to the platform's operators,
 * who record payments), any other member whom to ask (the owner, by name). A notice starts
 * {@link #NOTICE_BEFORE} before the end; once the end has passed the tenant is closed and the
 * refusal says the same things ({@link #expired}).
 */
@RequestScoped
public class SubscriptionNotices {

    /** How long before the end of a trial or subscription its members are told. */
    static final Duration NOTICE_BEFORE = Duration.ofDays(7);

    @Inject
    Accounts accounts;

    @Inject
    TenantEntry entries;

    @Inject
    ReadersClock clock;

    @Inject
    TenantTermsDirectory tenantTerms;

    /**
     * The notice a member sees on the tenant's pages at {@code now}: the trial or subscription ends
     * within {@link #NOTICE_BEFORE}, or has ended (only a super-user still enters then). Empty when
     * unpaid tenants are not blocked, for the public tenant, and when the end is further off.
     */
    public Optional<Reason> noticeFor(Tenant tenant, Caller member, Instant now) {
        Subscription state = Subscription.of(tenant, tenantTerms.of(tenant), now);
        if (!entries.blocksUnpaid() || state == Subscription.FREE) {
            return Optional.empty();
        }
        if (state == Subscription.EXPIRED) {
            return Optional.of(expired(tenant, Optional.of(member)));
        }
        Instant end = tenantTerms.of(tenant).paidUntil().orElseThrow();
        Duration left = Duration.between(now, end);
        if (left.compareTo(NOTICE_BEFORE) > 0) {
            return Optional.empty();
        }
        boolean trial = state == Subscription.TRIAL;
        // Rounded up, as a calendar counts: 2 days and 20 hours left reads "3 days", 30 minutes "1 hour".
        long hours = (left.toMinutes() + 59) / 60;
        Reason remaining = hours > 24 ? Reason.of("subscription.days", (hours + 23) / 24)
                : Reason.of("subscription.hours", hours);
        if (isOwner(tenant, member)) {
            String key = trial ? "subscription.trialEndsOwner" : "subscription.paidEndsOwner";
            return Optional.of(Reason.of(key, tenant.name(), remaining, clock.dateTime(end), operators()));
        }
        String key = trial ? "subscription.trialEndsMember" : "subscription.paidEndsMember";
        return Optional.of(Reason.of(key, tenant.name(), remaining, clock.dateTime(end), ownerName(tenant)));
    }

    /**
     * Why the tenant is closed, said to {@code person}: its owner is told what to do, another member
     * whom to ask; anyone else (or nobody signed in) only that it has expired.
     */
    public Reason expired(Tenant tenant, Optional<Caller> person) {
        Optional<Instant> ended = tenantTerms.of(tenant).paidUntil();
        boolean trial = ended.isPresent() && ended.equals(tenantTerms.of(tenant).trialEnds());
        String when = ended.map(clock::dateTime).orElse("");
        if (person.isPresent() && isOwner(tenant, person.get())) {
            return ended.isEmpty() ? Reason.of("subscription.noneOwner", tenant.name(), operators())
                    : Reason.of(trial ? "subscription.trialEndedOwner" : "subscription.paidEndedOwner", tenant.name(),
                            when, operators());
        }
        if (person.isPresent() && entries.isMember(tenant, person.get())) {
            return ended.isEmpty() ? Reason.of("subscription.noneMember", tenant.name(), ownerName(tenant))
                    : Reason.of(trial ? "subscription.trialEndedMember" : "subscription.paidEndedMember", tenant.name(),
                            when, ownerName(tenant));
        }
        return Reason.of("subscriptionExpired", tenant.name());
    }

    private boolean isOwner(Tenant tenant, Caller person) {
        return tenantTerms.of(tenant).isOwnedBy(person.accountId());
    }

    private String ownerName(Tenant tenant) {
        return tenantTerms.of(tenant).ownerId().flatMap(accounts::findActive).map(Account::username).orElse("—");
    }

    /** Where the owner writes: the platform's operators, who record payments (paid-until). */
    private String operators() {
        return String.join(", ", accounts.superUserEmails());
    }
}
