package io.tenantry.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class AdvisoryLockKeyTest {

    @Test
    void theKeyIsTheDigestsFirstEightBytesAndStaysSoAcrossVersions() {
        // Instances of two versions must take the same key for the same tenant: a change here is a fence
        // (a tenant migration), not a refactoring. sha256("tenant-data\0acme")[0..8], big-endian.
        assertEquals(-6851022042152598529L, AdvisoryLockKey.of("tenant-data", "acme"));
    }

    @Test
    void namesOfOneHashtextHaveKeysOfTheirOwn() {
        // hashtext('acme49695') = hashtext('acme227380') in PostgreSQL: found among 400,000 names in a second.
        assertNotEquals(AdvisoryLockKey.of("tenant-data", "acme49695"), AdvisoryLockKey.of("tenant-data", "acme227380"));
    }

    @Test
    void theKindKeepsLocksOfDifferentThingsApart() {
        assertNotEquals(AdvisoryLockKey.of("tenant-data", "acme"), AdvisoryLockKey.of("tenant-upgrade", "acme"));
        assertNotEquals(AdvisoryLockKey.of("ab", "c"), AdvisoryLockKey.of("a", "bc"));
    }
}
