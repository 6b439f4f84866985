package io.tenantry.access;

import java.time.Duration;
import java.util.List;

import io.tenantry.accounts.TooManyAttemptsException;
import io.tenantry.platform.AdvisoryLockKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * How many invitation mails one address receives, across all tenants: at most
 * {@value #MAX_PER_RECIPIENT} within {@link #WINDOW}. Anyone may own a tenant and invite any
 * address, so without this the platform would send as many mails to a stranger as someone asks.
 * A constant, not a setting: it protects the recipient, who has no say in an operator's setting, and
 * a person invited by several teams in a day still gets each of their first few invitations.
 * Counted in the database (every instance counts alike); each address is locked for the rest of the
 * transaction, so two concurrent invitations cannot both take the last place.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class InvitationMailLimit {

    static final int MAX_PER_RECIPIENT = 5;
    static final Duration WINDOW = Duration.ofDays(1);

    @PersistenceContext(unitName = "tenantry")
    EntityManager em;

    /**
     * Refuses with {@link TooManyAttemptsException} (saying how long until the next mail may go) when
     * the address (lower case) received its share already; otherwise holds the address for this
     * transaction, whose {@link #count} then takes a place.
     */
    public void check(String email) {
        Object[] row = share(email);
        if (((Number) row[0]).intValue() >= MAX_PER_RECIPIENT) {
            throw new TooManyAttemptsException("invitation.recipientLimit",
                    Duration.ofSeconds(Math.max(1, ((Number) row[1]).longValue())), email);
        }
    }

    /**
     * Whether the address (lower case) may receive another invitation mail now, as {@link #check}
     * decides, but answered rather than thrown: for callers that leave such an address out and go on
     * (a thrown refusal would mark their transaction for rollback). Holds the address as check does.
     */
    public boolean allows(String email) {
        return ((Number) share(email)[0]).intValue() < MAX_PER_RECIPIENT;
    }

    /** Locks the address for this transaction; gives the mails it received within the window and the seconds until the oldest leaves it. */
    private Object[] share(String email) {
        em.createNativeQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(?)) AS held")
                .setParameter(1, AdvisoryLockKey.of("invitation-mail", email)).getSingleResult();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT count(*), "
                        + "CAST(EXTRACT(EPOCH FROM min(sent_at) + make_interval(secs => ?) - now()) AS bigint) "
                        + "FROM public.invitation_mail WHERE email = ? AND sent_at > now() - make_interval(secs => ?)")
                .setParameter(1, (double) WINDOW.toSeconds()).setParameter(2, email)
                .setParameter(3, (double) WINDOW.toSeconds()).getResultList();
        return rows.get(0);
    }

    /** Counts one invitation mail to the address (checked first), forgetting those that left the window. */
    public void count(String email) {
        em.createNativeQuery("DELETE FROM public.invitation_mail WHERE email = ? AND sent_at <= now() "
                + "- make_interval(secs => ?)").setParameter(1, email).setParameter(2, (double) WINDOW.toSeconds())
                .executeUpdate();
        em.createNativeQuery("INSERT INTO public.invitation_mail (email) VALUES (?)").setParameter(1, email)
                .executeUpdate();
    }
}
