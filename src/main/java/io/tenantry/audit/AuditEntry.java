package io.tenantry.audit;

import java.time.Instant;

/**
 * One entry of the trail as it is read: when, in which tenant (its label then; "" for the
 * platform's own), who, what and about what, from which address and host, and the values before and
 * after as JSON text. {@code id} is the platform-wide order in which entries were written, for reading
 * on from the last one read; {@code number} is what a reader is shown: in a tenant's trail the entry's
 * number in that tenant's own (1, 2, …: nothing of other tenants), in the platform's trail its id.
 */
public record AuditEntry(long id, long number, Instant at, String tenant, String actor, String action, String subject,
        String address, String host, String before, String after) {

    /** The same entry without the client's address. */
    AuditEntry withoutAddress() {
        return new AuditEntry(id, number, at, tenant, actor, action, subject, "", host, before, after);
    }
}
