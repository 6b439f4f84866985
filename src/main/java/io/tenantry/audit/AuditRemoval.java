package io.tenantry.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/** The only statement that deletes audit entries: those past retention. No endpoint reaches it. */
@ApplicationScoped
public class AuditRemoval {

    @PersistenceContext(unitName = "tenantry")
    EntityManager em;

    /** Deletes the entries older than {@code days} days; gives how many. */
    @Transactional
    public int olderThan(int days) {
        return em.createNativeQuery("DELETE FROM public.audit_entry WHERE at < now() - make_interval(days => ?)")
                .setParameter(1, days).executeUpdate();
    }
}
