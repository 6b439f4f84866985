package io.tenantry.audit;

import java.time.Duration;

import io.tenantry.tenancy.Audited;
import io.tenantry.tenancy.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * Inserts entries into {@code public.audit_entry}, qualified: the changing transaction may be routed
 * to a tenant's schema or to none. The only statement that writes the table besides retention's.
 * A tenant's entry takes the next number of that tenant's own counter ({@code public.audit_counter}),
 * which is all its Administrators see of it: the platform-wide id would tell them how many entries
 * every other tenant made meanwhile.
 */
@ApplicationScoped
public class AuditWriter {

    private static final int MAX_TEXT = 300;

    @PersistenceContext(unitName = "tenantry")
    EntityManager em;

    /** In the transaction that makes the change (one is begun when the change has none). */
    @Transactional(Transactional.TxType.REQUIRED)
    public void inChange(Audited audited, Witness.Seen seen) {
        insert(audited, seen);
    }

    /** In a transaction of its own, committed at once. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void apart(Audited audited, Witness.Seen seen) {
        insert(audited, seen);
    }

    private void insert(Audited audited, Witness.Seen seen) {
        long tenantId = audited.tenant().map(Tenant::id).orElse(0L);
        if (audited.notAgainWithin().map(within -> recent(tenantId, audited, seen, within)).orElse(false)) {
            return;
        }
        em.createNativeQuery("INSERT INTO public.audit_entry (tenant_id, number, tenant_label, actor, action, subject, "
                + "client_address, host, before, after) VALUES (NULLIF(?, 0), NULLIF(?, 0), ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), "
                + "CAST(? AS jsonb))")
                .setParameter(1, tenantId)
                .setParameter(2, tenantId == 0 ? 0L : nextNumber(tenantId))
                .setParameter(3, audited.tenant().map(t -> t.label().value()).orElse(""))
                .setParameter(4, cut(seen.actor()))
                .setParameter(5, cut(audited.action()))
                .setParameter(6, cut(audited.subject()))
                .setParameter(7, cut(seen.address()))
                .setParameter(8, cut(seen.host()))
                .setParameter(9, AuditValues.json(audited.before()).toString())
                .setParameter(10, AuditValues.json(audited.after()).toString())
                .executeUpdate();
    }

    /** Whether the same tenant, action and actor has an entry younger than {@code within} (audit_entry_repeat_idx). */
    private boolean recent(long tenantId, Audited audited, Witness.Seen seen, Duration within) {
        return !em.createNativeQuery("SELECT 1 FROM public.audit_entry WHERE tenant_id IS NOT DISTINCT FROM NULLIF(?, 0) "
                + "AND action = ? AND actor = ? AND at > now() - make_interval(secs => ?) LIMIT 1")
                .setParameter(1, tenantId).setParameter(2, cut(audited.action())).setParameter(3, cut(seen.actor()))
                .setParameter(4, (double) within.toSeconds()).getResultList().isEmpty();
    }

    /**
     * The tenant's next entry number. The counter's row stays locked until this transaction ends, so
     * the tenant's entries are numbered one after another, without a gap left by one rolled back.
     */
    private long nextNumber(long tenantId) {
        return ((Number) em.createNativeQuery("INSERT INTO public.audit_counter AS c (tenant_id, last) VALUES (?, 1) "
                + "ON CONFLICT (tenant_id) DO UPDATE SET last = c.last + 1 RETURNING last")
                .setParameter(1, tenantId).getSingleResult()).longValue();
    }

    // A failed sign-in's typed name or a Host header is the client's: kept, but not without bound.
    // PostgreSQL's text holds no NUL.
    private static String cut(String text) {
        String kept = text.replace("\u0000", "");
        return kept.length() > MAX_TEXT ? kept.substring(0, MAX_TEXT) : kept;
    }
}
