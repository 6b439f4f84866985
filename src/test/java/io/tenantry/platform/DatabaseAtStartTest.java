package io.tenantry.platform;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.sql.SQLException;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** What DatabaseAtStart reads before it connects: DB_URL, and which failures may pass. */
class DatabaseAtStartTest {

    @Test
    void aUrlThatNamesNoPostgresDatabaseIsRefusedNamingTheVariable() {
        for (Optional<String> url : java.util.List.of(Optional.<String>empty(), Optional.of("postgres://db.example.com/tenantry"),
                Optional.of("jdbc:mysql://db.example.com/tenantry"))) {
            IllegalStateException refused = assertThrows(IllegalStateException.class, () -> DatabaseAtStart.requirePostgresUrl(url));
            assertTrue(refused.getMessage().startsWith("DB_URL is "), refused.getMessage());
            assertTrue(refused.getMessage().contains("DB_URL=jdbc:postgresql://"), "an example to follow: " + refused.getMessage());
        }
        assertDoesNotThrow(() -> DatabaseAtStart.requirePostgresUrl(Optional.of("jdbc:postgresql://db:5432/tenantry")));
    }

    @Test
    void aDatabaseStillStartingMayComeUpButARefusedAccountWillNot() {
        assertTrue(DatabaseAtStart.mayComeUp(new SQLException("pool", null, new SQLException("refused", "08001"))));
        assertTrue(DatabaseAtStart.mayComeUp(new SQLException("the database system is starting up", "57P03")));
        assertTrue(DatabaseAtStart.mayComeUp(new SQLException("pool", null, new ConnectException("Connection refused"))));
        assertFalse(DatabaseAtStart.mayComeUp(new SQLException("password authentication failed", "28P01")));
        assertFalse(DatabaseAtStart.mayComeUp(new SQLException("URL invalid")));
    }
}
