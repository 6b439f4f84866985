package io.tenantry.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The archive limits come from four settings, each with a default, and a wrong value names its variable. */
class ArchiveLimitsTest {

    private static final long MB = 1024 * 1024;

    @Test
    void unsetOrBlankSettingsTakeTheirDefaults() {
        ArchiveLimits limits = ArchiveLimits.of(Optional.empty(), Optional.of(" "), Optional.empty(), Optional.empty());
        assertEquals(new ArchiveLimits(256 * MB, 256 * MB, 1024 * MB, 20_000), limits);
    }

    @Test
    void sizesAreGivenInMegabytes() {
        ArchiveLimits limits = ArchiveLimits.of(Optional.of("10"), Optional.of("2"), Optional.of("30"), Optional.of("5"));
        assertEquals(new ArchiveLimits(10 * MB, 2 * MB, 30 * MB, 5), limits);
    }

    @Test
    void aValueThatIsNotAWholeNumberFromOneNamesItsVariable() {
        for (String wrong : new String[] {"0", "-1", "1.5", "ten", "99999999999"}) {
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> ArchiveLimits.of(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(wrong)));
            assertTrue(refused.getMessage().startsWith("ARCHIVE_MAX_ENTRIES is '" + wrong + "', not a whole number"), refused.getMessage());
        }
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> ArchiveLimits.of(Optional.of("0"), Optional.empty(), Optional.empty(), Optional.empty()));
        assertTrue(refused.getMessage().contains("ARCHIVE_MAX_SIZE_MB"), refused.getMessage());
    }

    @Test
    void anUploadThatSaysItIsTooLargeIsRefusedBeforeItIsRead() {
        ArchiveLimits limits = ArchiveLimits.of(Optional.of("1"), Optional.empty(), Optional.empty(), Optional.empty());
        limits.requireUpload(MB);
        ArchiveTooLargeException refused = assertThrows(ArchiveTooLargeException.class, () -> limits.requireUpload(MB + 1));
        assertTrue(refused.getMessage().contains("ARCHIVE_MAX_SIZE_MB"), refused.getMessage());
    }
}
