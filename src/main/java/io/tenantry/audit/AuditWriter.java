package io.tenantry.audit;

import io.tenantry.tenancy.Audited;
import io.tenantry.tenancy.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
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
        em.createNativeQuery("INSERT INTO public.audit_entry (tenant_id, tenant_label, actor, action, subject, "
                        + "client_address, host, before, after) VALUES (NULLIF(?, 0), ?, ?, ?, ?, ?, ?, "
                        + "CAST(? AS jsonb), CAST(? AS jsonb))")
                .setParameter(1, audited.tenant().map(Tenant::id).orElse(0L))
                .setParameter(2, audited.tenant().map(t -> t.label().value()).orElse(""))
                .setParameter(3, cut(seen.actor()))
                .setParameter(4, cut(audited.action()))
                .setParameter(5, cut(audited.subject()))
                .setParameter(6, cut(seen.address()))
                .setParameter(7, cut(seen.host()))
                .setParameter(8, AuditValues.json(audited.before()).toString())
                .setParameter(9, AuditValues.json(audited.after()).toString())
                .executeUpdate();
    }

    // A failed sign-in's typed name or a Host header is the client's: kept, but not without bound.
    // PostgreSQL's text holds no NUL.
    private static String cut(String text) {
        String kept = text.replace("\u0000", "");
        return kept.length() > MAX_TEXT ? kept.substring(0, MAX_TEXT) : kept;
    }
}
