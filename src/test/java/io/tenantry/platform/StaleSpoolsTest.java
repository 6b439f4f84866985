package io.tenantry.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spool files an earlier run left (killed mid-export, say) go at start-up; young ones and other files stay. */
class StaleSpoolsTest {

    @TempDir
    Path folder;

    @Test
    void spoolsOlderThanADayGoAndNothingElse() throws IOException {
        Instant now = Instant.now();
        Path export = spool("tenantry-export-1.zip", now.minus(Duration.ofDays(2)));
        Path upload = spool("tenantry-upload-1.part", now.minus(Duration.ofHours(25)));
        Path archive = spool("tenantry-import-1.zip", now.minus(Duration.ofDays(3)));
        Path running = spool("tenantry-export-2.zip", now.minus(Duration.ofHours(2))); // another instance's, being sent
        Path foreign = spool("someone-else-1.zip", now.minus(Duration.ofDays(9)));

        assertEquals(3, StaleSpools.sweep(folder, now.minus(StaleSpools.OLDER_THAN)));
        assertFalse(Files.exists(export));
        assertFalse(Files.exists(upload));
        assertFalse(Files.exists(archive));
        assertTrue(Files.exists(running), "a spool younger than a day may be another instance's, in use");
        assertTrue(Files.exists(foreign), "only our own names");
    }

    private Path spool(String name, Instant changed) throws IOException {
        Path file = Files.writeString(folder.resolve(name), "spooled");
        Files.setLastModifiedTime(file, FileTime.from(changed));
        return file;
    }
}
