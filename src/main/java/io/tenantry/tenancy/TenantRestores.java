package io.tenantry.tenancy;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The tenants this instance is restoring from a restore point. {@link TenantFilter} answers their
 * requests 503 (Retry-After) until the restore ends, so that nobody reads or writes a tenant whose
 * data is being replaced; every other tenant is served as usual.
 */
@ApplicationScoped
public class TenantRestores {

    private final Set<TenantLabel> underway = ConcurrentHashMap.newKeySet();

    /** Marks the tenant as being restored until the handle is closed; empty when a restore of it is under way here already. */
    public Optional<Underway> begin(TenantLabel label) {
        if (!underway.add(label)) {
            return Optional.empty();
        }
        return Optional.of(() -> underway.remove(label));
    }

    /** Whether this instance is restoring the tenant now. */
    public boolean isUnderway(TenantLabel label) {
        return underway.contains(label);
    }

    /** A restore under way; closing it puts the tenant back in service. */
    public interface Underway extends AutoCloseable {
        @Override
        void close();
    }
}
