package io.tenantry.audit;

import java.time.Instant;

/**
 * One entry of the trail as it is read: when, in which tenant (its label then; "" for the
 * platform's own), who, what and about what, from which address and host, and the values before and
 * after as JSON text.
 */
public record AuditEntry(long id, Instant at, String tenant, String actor, String action, String subject,
        String address, String host, String before, String after) {

    /** The same entry without the client's address. */
    AuditEntry withoutAddress() {
        return new AuditEntry(id, at, tenant, actor, action, subject, "", host, before, after);
    }
}
