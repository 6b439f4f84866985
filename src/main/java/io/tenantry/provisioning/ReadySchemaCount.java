package io.tenantry.provisioning;

import java.util.Optional;

import io.tenantry.platform.WholeNumberSetting;

/**
 * TENANTS_READY_SCHEMAS: how many tenant schemas are kept built ahead of need at the template's
 * version ({@link ReadySchemas}), 20 unless set, from 0 (every creation builds its schema) to
 * 1,000. A creation that finds one renames it instead of building one (a few milliseconds of the
 * database instead of about 70 to 100); the set is refilled in the background after each creation,
 * so a burst of creations is served from it up to about this many. Each ready schema is an empty
 * tenant on disk (about 0.9 MB and 63 relations at tenant version 6.3).
 */
public record ReadySchemaCount(int count) {

    private static final int DEFAULT = 20;
    private static final int MOST = 1_000;

    /** The checked setting; an {@link IllegalStateException} naming the variable when it is wrong. */
    public static ReadySchemaCount of(Optional<String> count) {
        return new ReadySchemaCount((int) WholeNumberSetting.of("TENANTS_READY_SCHEMAS", count, "", 0, MOST, DEFAULT, 50));
    }

    /** For the start-up log. */
    @Override
    public String toString() {
        return count + " tenant schema(s) kept ready";
    }
}
