package io.tenantry.accounts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/** Records when an API token was last used, in a short transaction of its own. */
@ApplicationScoped
@Transactional
class TokenUses {

    @PersistenceContext(unitName = "tenantry")
    EntityManager em;

    /**
     * Marks the token (by its row id) as used now, unless another request did so within the
     * minute: {@link ApiTokens#callerOf} calls this only when the use it read was older.
     */
    void record(long tokenId) {
        em.createNativeQuery("UPDATE public.api_token SET last_used_at = now() WHERE id = ? "
                        + "AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')")
                .setParameter(1, tokenId).executeUpdate();
    }
}
