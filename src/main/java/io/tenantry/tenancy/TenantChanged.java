package io.tenantry.tenancy;

import java.util.Optional;

/**
 * A CDI event: a tenant was announced as changed (by this instance or another), or, with no
 * {@code label}, any tenant may have changed (the listener was reconnected after missing
 * notifications). Observers forget what they remembered of it.
 */
public record TenantChanged(Optional<TenantLabel> label) {
}
