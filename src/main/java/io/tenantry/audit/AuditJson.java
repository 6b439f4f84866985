package io.tenantry.audit;

import java.time.Instant;
import java.util.List;

import jakarta.json.JsonObject;

/**
 * An entry as the API shows it: {@code id} its number ({@link AuditEntry#number()}: in a tenant's trail
 * 1, 2, … of that tenant's own entries; in the platform's, its platform-wide id), {@code tenant} is the tenant's label then ("" for the platform's
 * own entries), {@code address} the client's, {@code host} the host name asked for, {@code before}
 * and {@code after} the values changed.
 */
public record AuditJson(long id, Instant at, String tenant, String actor, String action, String subject,
        String address, String host, JsonObject before, JsonObject after) {

    static AuditJson of(AuditEntry entry) {
        return new AuditJson(entry.number(), entry.at(), entry.tenant(), entry.actor(), entry.action(), entry.subject(),
                entry.address(), entry.host(), AuditExport.object(entry.before()), AuditExport.object(entry.after()));
    }

    /** The entry's id, not its values: equal entries still hash alike. */
    @Override
    public int hashCode() {
        // Yasson takes it on entering and leaving each object it writes (io.tenantry.api.PageJson#hashCode).
        return Long.hashCode(id);
    }

    /** An export as JSON: every entry the filters take, oldest first. */
    public record Document(List<AuditJson> items) {

        /** The number of entries, not the entries: equal documents still hash alike. */
        @Override
        public int hashCode() {
            // Yasson takes it on entering and leaving each object it writes (io.tenantry.api.PageJson#hashCode).
            return items.size();
        }
    }
}
