package io.tenantry.admin;

import java.time.OffsetDateTime;

import io.tenantry.platform.StoredTime;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A plan tenants subscribe to; platform-wide, managed from the master tenant only. */
@Entity
@Table(schema = "public", name = "subscription_plan")
@MasterOnly
@EntityListeners(MasterOnlyGuard.class)
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
    OffsetDateTime createdAt = StoredTime.now();

    protected SubscriptionPlan() {
    }

    SubscriptionPlan(String name, String description, int priceCents, String currency, Integer maxMembers) {
        change(name, description, priceCents, currency, maxMembers, true);
    }

    final void change(String name, String description, int priceCents, String currency, Integer maxMembers,
            boolean active) {
        this.name = name;
        this.description = description;
        this.priceCents = priceCents;
        this.currency = currency;
        this.maxMembers = maxMembers;
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
}
