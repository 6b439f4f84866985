package io.tenantry.audit;

import io.tenantry.tenancy.Audited;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Writes each {@link Audited} change as it is fired, synchronously: a change's entry in the changing
 * transaction (its rollback leaves none, and a failure to write rolls the change back), an attempt's
 * ({@link Audited#standalone()}: sign-ins, failed ones, exports) in a transaction of its own, kept
 * whatever the request does next.
 */
@ApplicationScoped
public class AuditTrail {

    @Inject
    AuditWriter writer;

    @Inject
    Witness witness;

    void record(@Observes Audited audited) {
        Witness.Seen seen = witness.now(audited.actor());
        if (audited.standalone()) {
            writer.apart(audited, seen);
        } else {
            writer.inChange(audited, seen);
        }
    }
}
