package io.tenantry.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

import io.tenantry.testing.TestDatabase;

/**
 * What the servers' pools ask before they hand a PostgreSQL connection out (tenantry-pool.jar), on
 * the run's database without a server: a connection is refused once its backend has marked itself to be
 * retired (public migration 4.19's {@code tenantry_serve_schema}, run here as each connection's own
 * temporary function, so that the test needs no migrated database), and when it does not answer or is
 * left in a failed transaction; a connection that answered lately is handed out without being asked
 * again, until the driver has seen it closed or it is out of auto-commit, but for every Nth handout. (The servers' adapters,
 * src/pool/java, are used by every test on a server; the application's side is
 * {@code platform.PooledConnectionRecyclingIT}.)
 */
class PooledConnectionCheckIT {

    private static final String SERVE = "db/migration/public/V4_19__schemas_served.sql";
    /** Every handout asks whether the connection answers. */
    private static final long ASK_EVERY_TIME = 0;
    /** A connection that answered within a minute is not asked again... */
    private static final long A_MINUTE = 60_000;
    /** ...but for one handout in this many (or, as {@link #NEVER}, one in about two billion). */
    private static final int EVERY_THIRD = 3;
    private static final int NEVER = Integer.MAX_VALUE;

    @Test
    void aConnectionIsRetiredWhenAskedAfterItServedMoreSchemasThanItsLimit() throws Exception {
        PooledConnectionCheck check = new PooledConnectionCheck(ASK_EVERY_TIME, NEVER);
        try (Connection connection = withServe()) {
            assertEquals(1, serve(connection, "acme", 2));
            assertEquals(2, serve(connection, "globex", 2));
            assertEquals(0, serve(connection, "acme", 2), "served already");
            assertNull(check.refusal(connection, 0), "two schemas, the limit");
            assertEquals(0, serve(connection, "globex", 2));
            assertNull(check.refusal(connection, 0));
            assertEquals(3, serve(connection, "acme_2", 2), "a name another one begins with is another schema");
            String refusal = check.refusal(connection, 0);
            assertNotNull(refusal, "a third schema, past the limit");
            assertTrue(refusal.contains("served 3 schemas") && refusal.contains("DB_CONNECTION_SCHEMAS"), refusal);
        }
    }

    @Test
    void aConnectionThatAnsweredLatelyIsAskedOnEveryNthHandoutAndThenRetired() throws Exception {
        PooledConnectionCheck check = new PooledConnectionCheck(A_MINUTE, EVERY_THIRD);
        try (Connection connection = withServe()) {
            assertNull(check.refusal(connection, 0), "handout 1: never answered, asked");
            assertEquals(1, serve(connection, "acme", 0));
            assertNull(check.refusal(connection, 0), "handout 2: answered within the minute, not asked");
            assertNotNull(check.refusal(connection, 0), "handout 3: asked, and marked to be retired");
        }
    }

    @Test
    void aConnectionThatServesTheSameSchemasIsNeverRetired() throws Exception {
        PooledConnectionCheck check = new PooledConnectionCheck(ASK_EVERY_TIME, NEVER);
        try (Connection connection = withServe()) {
            assertEquals(1, serve(connection, "acme", 1));
            for (int handout = 0; handout < 500; handout++) {
                assertEquals(0, serve(connection, "acme", 1));
                assertNull(check.refusal(connection, 0), "handout " + handout);
            }
        }
    }

    @Test
    void aSchemaServedByATransactionRolledBackIsForgottenWithItsMark() throws Exception {
        PooledConnectionCheck check = new PooledConnectionCheck(ASK_EVERY_TIME, NEVER);
        try (Connection connection = withServe()) {
            assertEquals(1, serve(connection, "acme", 1));
            connection.setAutoCommit(false);
            assertEquals(2, serve(connection, "globex", 1));
            assertNotNull(check.refusal(connection, 0), "marked, within the transaction");
            connection.rollback();
            connection.setAutoCommit(true);
            assertNull(check.refusal(connection, 0), "the mark went with the transaction");
            assertEquals(2, serve(connection, "globex", 1), "noted again by the next");
            assertNotNull(check.refusal(connection, 0));
        }
    }

    @Test
    void aConnectionThatDoesNotAnswerIsRefused() throws SQLException {
        try (Connection ended = TestDatabase.connect(); Connection other = TestDatabase.connect();
                Statement end = other.createStatement()) {
            end.execute("SELECT pg_terminate_backend(" + pidOf(ended) + ")");
            assertNotNull(new PooledConnectionCheck(ASK_EVERY_TIME, NEVER).refusal(ended, 0));
        }
        Connection closed = TestDatabase.connect();
        closed.close();
        assertNotNull(new PooledConnectionCheck(ASK_EVERY_TIME, NEVER).refusal(closed, 0));
    }

    @Test
    void aConnectionLeftInAFailedTransactionIsRetiredOneWithAutoCommitOffIsNot() throws SQLException {
        try (Connection connection = TestDatabase.connect()) {
            connection.setAutoCommit(false);
            assertNull(new PooledConnectionCheck(ASK_EVERY_TIME, NEVER).refusal(connection, 0));
            try (Statement failing = connection.createStatement()) {
                assertThrows(SQLException.class, () -> failing.execute("SELECT 1 / 0"));
            }
            assertNotNull(new PooledConnectionCheck(ASK_EVERY_TIME, NEVER).refusal(connection, 0));
        }
    }

    @Test
    void aConnectionThatAnsweredLatelyIsNotAskedAgainUntilTheDriverHasSeenItClosed() throws SQLException {
        PooledConnectionCheck limit = new PooledConnectionCheck(A_MINUTE, NEVER);
        try (Connection ended = TestDatabase.connect(); Connection other = TestDatabase.connect();
                Statement end = other.createStatement()) {
            assertNull(limit.refusal(ended, 0), "asked, it answers");
            end.execute("SELECT pg_terminate_backend(" + pidOf(ended) + ")");
            // The price of not asking: the request that takes it meets the ended backend.
            assertNull(limit.refusal(ended, 0), "answered within the minute: not asked again");
            assertThrows(SQLException.class, () -> pidOf(ended));
            assertNotNull(limit.refusal(ended, 0), "the driver has seen it closed");
        }
    }

    @Test
    void aConnectionThatAnsweredLatelyIsAskedAgainOutOfAutoCommitOrOnceTheWindowHasPassed() throws SQLException {
        PooledConnectionCheck lately = new PooledConnectionCheck(A_MINUTE, NEVER);
        try (Connection connection = TestDatabase.connect()) {
            assertNull(lately.refusal(connection, 0));
            connection.setAutoCommit(false);
            try (Statement failing = connection.createStatement()) {
                assertThrows(SQLException.class, () -> failing.execute("SELECT 1 / 0"));
            }
            assertNotNull(lately.refusal(connection, 0), "left in a failed transaction, out of auto-commit");
        }
        PooledConnectionCheck briefly = new PooledConnectionCheck(50, NEVER);
        try (Connection ended = TestDatabase.connect(); Connection other = TestDatabase.connect();
                Statement end = other.createStatement()) {
            assertNull(briefly.refusal(ended, 0));
            end.execute("SELECT pg_terminate_backend(" + pidOf(ended) + ")");
            sleep(200);
            assertNotNull(briefly.refusal(ended, 0), "asked again once the 50 ms have passed: it does not answer");
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A connection with public migration 4.19's function as a temporary one of its own ({@code pg_temp}). */
    private static Connection withServe() throws Exception {
        String migration;
        try (InputStream in = PooledConnectionCheckIT.class.getClassLoader().getResourceAsStream(SERVE)) {
            migration = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Connection connection = TestDatabase.connect();
        try (Statement statement = connection.createStatement()) {
            statement.execute(migration.replace("public.tenantry_serve_schema", "pg_temp.tenantry_serve_schema"));
        }
        return connection;
    }

    private static int serve(Connection connection, String schema, int most) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_temp.tenantry_serve_schema(?, ?)")) {
            statement.setString(1, schema);
            statement.setInt(2, most);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    private static int pidOf(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT pg_backend_pid()")) {
            row.next();
            return row.getInt(1);
        }
    }
}
