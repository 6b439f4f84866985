package io.tenantry.tenancy;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a tenant's upgrade stands: {@code phase}; for a failed one, the {@code reason} (one line),
 * the {@code attempts} made so far and when the back-off tries again ({@code nextAttempt}).
 */
public record UpgradeState(Phase phase, String reason, int attempts, Optional<Instant> nextAttempt) {

    /** The upgrade's phases; a tenant is served only when {@link #CURRENT}. */
    public enum Phase {
        /** Behind the code, waiting for a worker. */
        PENDING,
        /** Being migrated by an instance. */
        RUNNING,
        /** The last attempt failed; tried again at the state's {@code nextAttempt}. */
        FAILED,
        /** At the code's version: served. */
        CURRENT;

        /** The phase's name as the API, readiness, pages and the database say it: {@code pending}, {@code failed}… */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The phase named {@code id} (see {@link #id()}); IllegalArgumentException for another name. */
        public static Phase of(String id) {
            return valueOf(id.toUpperCase(Locale.ROOT));
        }
    }

    /** A tenant at the code's version. */
    public static final UpgradeState CURRENT = new UpgradeState(Phase.CURRENT, "", 0, Optional.empty());

    /** A tenant behind the code that no instance has recorded yet. */
    public static final UpgradeState PENDING = new UpgradeState(Phase.PENDING, "", 0, Optional.empty());

    public UpgradeState {
        reason = reason == null ? "" : reason;
    }

    /**
     * The state of a tenant: current when {@code atCodeVersion}, otherwise what was recorded for it
     * (pending when nothing was yet).
     */
    public static UpgradeState of(boolean atCodeVersion, Optional<UpgradeState> recorded) {
        return atCodeVersion ? CURRENT : recorded.orElse(PENDING);
    }

    public boolean failed() {
        return phase == Phase.FAILED;
    }
}
