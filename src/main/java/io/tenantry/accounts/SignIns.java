package io.tenantry.accounts;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * Browser sign-ins. One sign-in on the public host may give sessions on several tenant hosts;
 * they all name it, and signing out anywhere ends it for all of them.
 */
@ApplicationScoped
@Transactional
public class SignIns {

    @PersistenceContext(unitName = "tenantry")
    EntityManager em;

    public String start(long accountId) {
        String id = Secrets.random();
        em.createNativeQuery("INSERT INTO public.sign_in (id, account_id) VALUES (?, ?)")
                .setParameter(1, id).setParameter(2, accountId).executeUpdate();
        return id;
    }

    /** The caller of a sign-in that has not ended, whose account is still active, with the session's credential. */
    public Optional<Caller> callerOf(String signInId, Credential credential) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT a.id, a.username, a.super_user FROM public.sign_in s "
                        + "JOIN public.account a ON a.id = s.account_id WHERE s.id = ? AND s.ended_at IS NULL AND a.active")
                .setParameter(1, signInId).getResultList();
        return rows.stream().findFirst()
                .map(row -> Caller.of(row, credential));
    }

    public void end(String signInId) {
        em.createNativeQuery("UPDATE public.sign_in SET ended_at = now() WHERE id = ? AND ended_at IS NULL")
                .setParameter(1, signInId).executeUpdate();
    }

    /** Ends every sign-in of the account, on every host: after a password reset or deactivation. */
    public void endAll(long accountId) {
        em.createNativeQuery("UPDATE public.sign_in SET ended_at = now() WHERE account_id = ? AND ended_at IS NULL")
                .setParameter(1, accountId).executeUpdate();
    }
}
