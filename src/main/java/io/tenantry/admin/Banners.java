package io.tenantry.admin;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * The one read of a master-only model allowed from every tenant: the running announcements, as
 * {@link Banner} projections. A constructor query creates no entities, so {@link MasterOnlyGuard}
 * is not involved, and nothing else of an announcement leaves the master tenant.
 */
@ApplicationScoped
@Transactional
public class Banners {

    @PersistenceContext(unitName = "tenantry")
    EntityManager em;

    public List<Banner> running() {
        return em.createQuery("SELECT NEW " + Banner.class.getName() + "(a.message, a.severity) FROM Announcement a "
                        + "WHERE a.startsAt <= :now AND (a.endsAt IS NULL OR a.endsAt > :now) ORDER BY a.startsAt DESC",
                        Banner.class)
                .setParameter("now", OffsetDateTime.now()).getResultList();
    }
}
