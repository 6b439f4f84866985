package io.tenantry.access;

import java.time.Instant;

import io.tenantry.tenancy.Tenant;
import io.tenantry.tenancy.UpgradeState;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A tenant as the API shows it. {@code state} is where its subscription stands now ({@code trial},
 * {@code paid}, {@code expired}; {@code free} for the public tenant); {@code trialEnds} when the trial
 * given at its creation ends (absent for a tenant made without one); {@code plan} its subscription
 * plan's name and {@code memberLimit} how many members and pending invitations it allows (absent: no
 * limit).
 */
public record TenantJson(String label, String name, String url, String owner, String organization,
        boolean publiclyReadable, Instant paidUntil, String state, Instant trialEnds, String plan,
        Integer memberLimit, Instant createdAt, String schemaVersion, Upgrade upgrade) {

    /** {@code root}: the tenant's address without a trailing slash (TenantUrls). */
    static TenantJson of(Tenant tenant, TenantTerms terms, SubscriptionPlan plan, String owner, String root,
            UpgradeState upgrade) {
        return new TenantJson(tenant.label().value(), tenant.name(), root + "/",
                owner, terms.organization(), terms.publiclyReadable(),
                terms.paidUntil().orElse(null), Subscription.of(tenant, terms, Instant.now()).id(),
                terms.trialEnds().orElse(null), plan.name(), plan.maxMembers(), tenant.createdAt(),
                tenant.schemaVersion(), Upgrade.of(upgrade));
    }

    /**
     * Where the tenant's upgrade stands: {@code state} is {@code current}, {@code pending},
     * {@code running} or {@code failed}; a failed one has its {@code reason}, the {@code attempts}
     * made and when the next is due ({@code nextAttempt}).
     */
    public record Upgrade(String state, String reason, Integer attempts, Instant nextAttempt) {

        static Upgrade of(UpgradeState upgrade) {
            return upgrade.failed() ? new Upgrade(upgrade.phase().id(), upgrade.reason(), upgrade.attempts(),
                    upgrade.nextAttempt().orElse(null)) : new Upgrade(upgrade.phase().id(), null, null, null);
        }
    }

    /** What a client sends to create a tenant; the owner defaults to the caller. */
    @Schema(name = "NewTenant")
    public record New(String label, String name, String owner, String organization, Boolean publiclyReadable,
            Instant paidUntil) {
    }

    /** What a client sends to change a tenant; absent fields stay as they are; {@code plan} by its name. */
    @Schema(name = "TenantChange")
    public record Change(String name, String owner, String organization, Boolean publiclyReadable, Instant paidUntil,
            Boolean clearPaidUntil, String plan) {
    }

    /** A renewal asked for: {@code months} (1 to 120) or {@code until}, one of them. */
    @Schema(name = "NewRenewal")
    public record NewRenewal(Integer months, Instant until) {
    }
}
