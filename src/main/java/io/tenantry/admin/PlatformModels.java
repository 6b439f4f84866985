package io.tenantry.admin;

import java.time.OffsetDateTime;
import java.util.List;

import io.tenantry.access.PlanInput;
import io.tenantry.access.SubscriptionPlan;
import io.tenantry.access.SubscriptionPlans;
import io.tenantry.accounts.CurrentCaller;
import io.tenantry.platform.BrokenRuleException;
import io.tenantry.platform.NoSuchItemException;
import io.tenantry.platform.StoredTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/** Subscription plans (kept by access) and announcements: on the master tenant, for super-users. */
@ApplicationScoped
@Transactional
@MasterOnly
public class PlatformModels {

    @PersistenceContext(unitName = "tenantry")
    EntityManager em;

    @Inject
    CurrentCaller caller;

    @Inject
    SubscriptionPlans plans;

    /** Every plan (access keeps them: tenants refer to them), for the platform page and API. */
    public List<SubscriptionPlan> plans() {
        return plans.all();
    }

    /** One subscription plan; {@link NoSuchItemException} for an unknown id. */
    public SubscriptionPlan getPlan(long id) {
        return plans.get(id);
    }

    public SubscriptionPlan addPlan(PlanInput input) {
        return plans.add(input);
    }

    public SubscriptionPlan changePlan(long id, PlanInput input, boolean active) {
        return plans.change(id, input, active);
    }

    public void removePlan(long id) {
        plans.remove(id);
    }

    public List<Announcement> announcements() {
        caller.requireSuperUser();
        return em.createQuery("SELECT a FROM Announcement a ORDER BY a.startsAt DESC", Announcement.class)
                .getResultList();
    }

    public Announcement announce(String message, Announcement.Severity severity, OffsetDateTime endsAt) {
        caller.requireSuperUser();
        String text = message == null ? "" : message.strip();
        if (text.isEmpty() || text.length() > 500) {
            throw new BrokenRuleException("announcement.length", 500);
        }
        OffsetDateTime now = StoredTime.now();
        if (endsAt != null && !endsAt.isAfter(now)) {
            throw new BrokenRuleException("announcement.past");
        }
        Announcement announcement = new Announcement(text, severity == null ? Announcement.Severity.INFO : severity,
                now, endsAt);
        em.persist(announcement);
        em.flush();
        return announcement;
    }

    /** One announcement, ended or not; {@link NoSuchItemException} for an unknown id. */
    public Announcement getAnnouncement(long id) {
        caller.requireSuperUser();
        return announcement(id);
    }

    /** Ends an announcement now; it stays in the list as history. */
    public void endAnnouncement(long id) {
        caller.requireSuperUser();
        announcement(id).end(StoredTime.now());
    }

    private Announcement announcement(long id) {
        Announcement announcement = em.find(Announcement.class, id);
        if (announcement == null) {
            throw new NoSuchItemException("announcement", id);
        }
        return announcement;
    }
}
