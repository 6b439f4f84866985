package io.tenantry.access;

import java.time.OffsetDateTime;

import io.tenantry.platform.StoredTime;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A plan tenants subscribe to: platform-wide, changed only by super-users ({@link SubscriptionPlans}),
 * read wherever a tenant's plan counts (every tenant refers to one: {@link TenantTerms#planId}).
 * {@code maxMembers} is how many members and pending invitations a tenant on it may have; null:
 * no limit.
 */
@Entity
@Table(schema = "public", name = "subscription_plan")
public class SubscriptionPlan {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    String name;

    String description = "";

    @Column(name = "price_cents")
    int priceCents;

    String currency = "EUR";

    @Column(name = "max_members")
    Integer maxMembers;

    boolean active = true;

    @Column(name = "created_at")
    OffsetDateTime createdAt;

    protected SubscriptionPlan() {
    }

    SubscriptionPlan(PlanInput input) {
        this.createdAt = StoredTime.now();
        change(input, true);
    }

    final void change(PlanInput input, boolean active) {
        this.name = input.name();
        this.description = input.description();
        this.priceCents = input.priceCents();
        this.currency = input.currency();
        this.maxMembers = input.maxMembers();
        this.active = active;
    }

    public long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public int priceCents() {
        return priceCents;
    }

    public String currency() {
        return currency;
    }

    public Integer maxMembers() {
        return maxMembers;
    }

    public boolean active() {
        return active;
    }

    /** Whether a tenant on this plan may have {@code people} members and pending invitations. */
    public boolean allows(long people) {
        return maxMembers == null || people <= maxMembers;
    }
}
