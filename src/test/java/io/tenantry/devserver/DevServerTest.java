package io.tenantry.devserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tenantry.testing.EmbeddedDatabase;

/**
 * What mvn -Prun gives the database and Payara Micro: a durable database, the tenants' files and
 * the password file under DATA_DIR, a password file that holds only a password that signs in.
 */
class DevServerTest {

    @TempDir
    Path temp;

    /** One durable database, started twice: its settings, then its data after the restart (two starts, not three). */
    @Test
    void theDevelopmentDatabaseIsDurableAndKeepsItsDataAcrossRestarts() throws Exception {
        Path data = temp.resolve("kept");
        try (EmbeddedDatabase first = EmbeddedDatabase.durable(data);
             Connection db = DriverManager.getConnection(first.jdbcUrl(), "postgres", "");
             Statement sql = db.createStatement()) {
            assertEquals(Map.of("fsync", "on", "synchronous_commit", "on", "full_page_writes", "on"),
                    settings(first, "fsync", "synchronous_commit", "full_page_writes"));
            sql.execute("CREATE TABLE kept (note text)");
            sql.execute("INSERT INTO kept VALUES ('acknowledged')");
        }
        try (EmbeddedDatabase second = EmbeddedDatabase.durable(data);
             Connection db = DriverManager.getConnection(second.jdbcUrl(), "postgres", "");
             ResultSet row = db.createStatement().executeQuery("SELECT note FROM kept")) {
            assertTrue(row.next());
            assertEquals("acknowledged", row.getString(1));
        }
    }

    @Test
    void theTestDatabaseIsNotDurable() throws Exception {
        // The suite's own database is thrown away after the run: speed over durability, on purpose.
        try (EmbeddedDatabase throwaway = EmbeddedDatabase.throwaway(temp.resolve("throwaway"))) {
            assertEquals(Map.of("fsync", "off", "synchronous_commit", "off"),
                    settings(throwaway, "fsync", "synchronous_commit"));
        }
    }

    @Test
    void filesRootFollowsDataDirUnlessSet() {
        Path home = temp.resolve("home");
        assertEquals(home.resolve(".tenantry/files"), DevSettings.of(Map.of(), home).filesRoot());
        Path one = temp.resolve("one");
        DevSettings first = DevSettings.of(Map.of("DATA_DIR", one.toString()), home);
        assertEquals(one.resolve("files"), first.filesRoot());
        assertEquals(one.resolve("postgres"), first.databaseDir());
        assertEquals(one.resolve("admin-password"), first.passwordFile());
        assertEquals(temp.resolve("elsewhere"), DevSettings.of(Map.of("DATA_DIR", one.toString(),
                "FILES_ROOT", temp.resolve("elsewhere").toString()), home).filesRoot());
    }

    @Test
    void jvmOptionsFixTheHeapAtJavaHeap() {
        assertEquals(List.of("-Xms768m", "-Xmx768m", "-XX:+UseSerialGC"),
                DevSettings.of(Map.of("JAVA_HEAP", "768m"), temp).jvmOptions());
        assertEquals(List.of("-Xms2G", "-Xmx2G", "-XX:+UseSerialGC"),
                DevSettings.of(Map.of("JAVA_HEAP", " 2G "), temp).jvmOptions());
        assertEquals(List.of("-Xms524288k", "-Xmx524288k", "-XX:+UseSerialGC"),
                DevSettings.of(Map.of("JAVA_HEAP", "524288k"), temp).jvmOptions());
        assertEquals(List.of("-Xms512m", "-Xmx512m", "-XX:+UseSerialGC"), DevSettings.of(Map.of(), temp).jvmOptions());
    }

    /** JAVA_HEAP lands in two options: anything but a size is refused before a JVM is started with it. */
    @Test
    void aJavaHeapThatIsNotASizeIsRefusedNamingIt() {
        for (String wrong : List.of("512m -XX:+UseG1GC", "half", "512mb", "0m", "-1g", "1.5g", "512", "9999999999g")) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> DevSettings.of(Map.of("JAVA_HEAP", wrong), temp), wrong);
            assertTrue(refused.getMessage().startsWith("JAVA_HEAP is '" + wrong + "'"), refused.getMessage());
        }
    }

    @Test
    void withAdminPasswordNoPasswordIsGeneratedAndAStaleOneIsRemoved() throws Exception {
        PasswordFile file = new PasswordFile(temp.resolve("admin-password"));
        assertEquals("chosen", file.forStart(Optional.of("chosen")));
        assertFalse(Files.exists(temp.resolve("admin-password")), "no generated password beside ADMIN_PASSWORD");

        String generated = new PasswordFile(temp.resolve("admin-password")).forStart(Optional.empty());
        assertEquals(Optional.of(generated), file.read());
        assertEquals(PosixFilePermissions.fromString("rw-------"),
                Files.getPosixFilePermissions(temp.resolve("admin-password")));
        assertEquals(generated, file.forStart(Optional.empty()), "kept across restarts");

        // The super-user was made with the generated password: ADMIN_PASSWORD set later does not sign in.
        assertEquals(Optional.of(generated), file.keepTrue(Optional.of("chosen"), only(generated)));
        assertEquals(Optional.of(generated), file.read());
        // A server too busy to answer the check (a timeout, 503) says nothing against the file: it stays.
        assertEquals(Optional.of(generated), file.keepTrue(Optional.empty(), password -> PasswordFile.SignIn.UNANSWERED));
        assertEquals(Optional.of(generated), file.read(), "the only copy of a generated password is kept on a doubt");
        // Made with ADMIN_PASSWORD: the generated password beside it does not sign in and goes.
        assertEquals(Optional.of("chosen"), file.keepTrue(Optional.of("chosen"), only("chosen")));
        assertEquals(Optional.empty(), file.read());
    }

    @Test
    void aPasswordTheServerRefusesIsRemovedAndNoneIsShown() throws Exception {
        PasswordFile file = new PasswordFile(temp.resolve("admin-password"));
        file.forStart(Optional.empty());
        assertEquals(Optional.empty(), file.keepTrue(Optional.empty(), only("changed on the profile page")));
        assertEquals(Optional.empty(), file.read());
    }

    /** A server on which only {@code password} signs in, and every other is refused. */
    private static java.util.function.Function<String, PasswordFile.SignIn> only(String password) {
        return candidate -> candidate.equals(password) ? PasswordFile.SignIn.SIGNS_IN : PasswordFile.SignIn.REFUSED;
    }

    private static Map<String, String> settings(EmbeddedDatabase database, String... names) throws Exception {
        try (Connection db = DriverManager.getConnection(database.jdbcUrl(), "postgres", "");
             Statement sql = db.createStatement()) {
            Map<String, String> values = new java.util.HashMap<>();
            for (String name : names) {
                try (ResultSet row = sql.executeQuery("SHOW " + name)) {
                    row.next();
                    values.put(name, row.getString(1));
                }
            }
            return values;
        }
    }
}
