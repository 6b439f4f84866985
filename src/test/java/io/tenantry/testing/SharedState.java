package io.tenantry.testing;

/**
 * Names, for JUnit's {@code @ResourceLock}, of what test classes running at once share beyond their
 * own tenants and accounts, where a class needs it to hold still (docs/architecture.md, "Tests").
 * The options server has its own: {@link TestServers#OPTIONS_LOCK}.
 */
public final class SharedState {

    /**
     * The platform's plans and announcements ({@code /api/admin/plans}, {@code /api/admin/announcements}):
     * classes that add or change some take it with {@code mode = READ} (they run together, each
     * keeping to its own); a class that compares the whole lists before and after takes it alone.
     */
    public static final String PLATFORM_CATALOG = "the platform's plans and announcements";

    /**
     * The shared server's slots for taking and restoring restore points ({@code archive.RestorePointWork}:
     * two at once for the whole instance, a third is refused with 429): every class that takes or
     * restores points takes it, alone.
     */
    public static final String RESTORE_POINT_SLOTS = "the shared server's restore-point slots";

    private SharedState() {
    }
}
