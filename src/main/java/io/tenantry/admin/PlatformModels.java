package io.tenantry.admin;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

import io.tenantry.accounts.CurrentCaller;
import io.tenantry.platform.BrokenRuleException;
import io.tenantry.platform.NoSuchItemException;
import io.tenantry.platform.StoredTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/** Subscription plans and announcements: on the master tenant, for super-users. */
@ApplicationScoped
@Transactional
@MasterOnly
public class PlatformModels {

    @PersistenceContext(unitName = "tenantry")
    EntityManager em;

    @Inject
    CurrentCaller caller;

    public List<SubscriptionPlan> plans() {
        caller.requireSuperUser();
        return em.createQuery("SELECT p FROM SubscriptionPlan p ORDER BY p.priceCents, p.name", SubscriptionPlan.class)
                .getResultList();
    }

    /** One subscription plan; {@link NoSuchItemException} for an unknown id. */
    public SubscriptionPlan getPlan(long id) {
        caller.requireSuperUser();
        return plan(id);
    }

    public SubscriptionPlan addPlan(PlanInput input) {
        caller.requireSuperUser();
        SubscriptionPlan plan = new SubscriptionPlan(input.name(), input.description(), input.priceCents(),
                input.currency(), input.maxMembers());
        requireUniquePlanName(plan.name(), -1L);
        em.persist(plan);
        em.flush();
        return plan;
    }

    public SubscriptionPlan changePlan(long id, PlanInput input, boolean active) {
        caller.requireSuperUser();
        SubscriptionPlan plan = plan(id);
        requireUniquePlanName(input.name(), id);
        plan.change(input.name(), input.description(), input.priceCents(), input.currency(), input.maxMembers(),
                active);
        return plan;
    }

    public void removePlan(long id) {
        caller.requireSuperUser();
        em.remove(plan(id));
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

    private SubscriptionPlan plan(long id) {
        SubscriptionPlan plan = em.find(SubscriptionPlan.class, id);
        if (plan == null) {
            throw new NoSuchItemException("plan", id);
        }
        return plan;
    }

    private void requireUniquePlanName(String name, long except) {
        if (!em.createQuery("SELECT p.id FROM SubscriptionPlan p WHERE LOWER(p.name) = :name AND p.id <> :except")
                .setParameter("name", name.toLowerCase(Locale.ROOT)).setParameter("except", except)
                .getResultList().isEmpty()) {
            throw new BrokenRuleException("plan.nameTaken", name);
        }
    }

    /** A plan as typed: checked here, so that pages and the API share the rules. */
    public record PlanInput(String name, String description, int priceCents, String currency, Integer maxMembers) {

        public PlanInput {
            name = name == null ? "" : name.strip();
            description = description == null ? "" : description.strip();
            currency = currency == null || currency.isBlank() ? "EUR" : currency.strip().toUpperCase(Locale.ROOT);
            if (name.isEmpty() || name.length() > 100) {
                throw new BrokenRuleException("plan.nameLength", 100);
            }
            if (priceCents < 0) {
                throw new BrokenRuleException("plan.negativePrice");
            }
            if (!currency.matches("[A-Z]{3}")) {
                throw new BrokenRuleException("plan.currency");
            }
            if (maxMembers != null && maxMembers < 1) {
                throw new BrokenRuleException("plan.memberLimit");
            }
        }
    }
}
