package io.tenantry.audit;

import java.time.Duration;

import io.tenantry.tenancy.Audited;
import io.tenantry.tenancy.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

/**
 * Inserts entries into {@code public.audit_entry}, qualified: the changing transaction may be routed
 * to a tenant's schema or to none. The only statement that writes the table besides retention's.
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
        String values = "NULLIF(?, 0), ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), CAST(? AS jsonb)";
        // With notAgainWithin, a younger entry of the same tenant, action and actor leaves this one out
        // (found through audit_entry_repeat_idx).
        String sql = "INSERT INTO public.audit_entry (tenant_id, tenant_label, actor, action, subject, client_address, "
                + "host, before, after) " + (audited.notAgainWithin().isEmpty() ? "VALUES (" + values + ")"
                        : "SELECT " + values + " WHERE NOT EXISTS (SELECT 1 FROM public.audit_entry r WHERE "
                                + "r.tenant_id IS NOT DISTINCT FROM NULLIF(?, 0) AND r.action = ? AND r.actor = ? "
                                + "AND r.at > now() - make_interval(secs => ?))");
        long tenantId = audited.tenant().map(Tenant::id).orElse(0L);
        Query insert = em.createNativeQuery(sql)
                .setParameter(1, tenantId)
                .setParameter(2, audited.tenant().map(t -> t.label().value()).orElse(""))
                .setParameter(3, cut(seen.actor()))
                .setParameter(4, cut(audited.action()))
                .setParameter(5, cut(audited.subject()))
                .setParameter(6, cut(seen.address()))
                .setParameter(7, cut(seen.host()))
                .setParameter(8, AuditValues.json(audited.before()).toString())
                .setParameter(9, AuditValues.json(audited.after()).toString());
        audited.notAgainWithin().ifPresent(within -> insert.setParameter(10, tenantId)
                .setParameter(11, cut(audited.action())).setParameter(12, cut(seen.actor()))
                .setParameter(13, (double) within.toSeconds()));
        insert.executeUpdate();
    }

    // A failed sign-in's typed name or a Host header is the client's: kept, but not without bound.
    // PostgreSQL's text holds no NUL.
    private static String cut(String text) {
        String kept = text.replace("\u0000", "");
        return kept.length() > MAX_TEXT ? kept.substring(0, MAX_TEXT) : kept;
    }
}
