package io.tenantry.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import io.tenantry.testing.SilenceableLink;
import io.tenantry.testing.TestDatabase;

/**
 * What the servers' pools ask before they hand a PostgreSQL connection out (tenantry-pool.jar), on
 * the run's database without a server: a connection is refused when its backend holds more memory
 * than the limit, does not answer or is left in a failed transaction, and, where the account may
 * not read its memory, after a number of handouts instead; a connection that answered lately is
 * handed out without being asked again, until the driver has seen it closed or it is out of auto-commit. (The servers' adapters, src/pool/java, are used by every test on a server.)
 */
class BackendMemoryLimitIT {

    private static final long MIB = 1024L * 1024;
    private static final long GIB = 1024 * MIB;
    /** Every handout reads the memory. */
    private static final int ALWAYS = 1;
    /** No handout reads the memory but one in about two billion. */
    private static final int NEVER = Integer.MAX_VALUE;
    private static final int USES = 3;
    /** Every handout asks whether the connection answers. */
    private static final long ASK_EVERY_TIME = 0;
    /** A connection that answered within a minute is not asked again. */
    private static final long A_MINUTE = 60_000;

    @Test
    void aBackendUnderTheLimitIsHandedOutAndOneAboveItIsRetired() throws SQLException {
        try (Connection connection = TestDatabase.connect()) {
            assertNull(new BackendMemoryLimit(GIB, ALWAYS, ALWAYS, USES, ASK_EVERY_TIME).refusal(connection, 0));
            // A new backend already holds about a MiB.
            String refusal = new BackendMemoryLimit(64 * 1024, ALWAYS, ALWAYS, USES, ASK_EVERY_TIME).refusal(connection, 0);
            assertNotNull(refusal);
            assertTrue(refusal.contains("DB_CONNECTION_MEMORY_MB") && refusal.endsWith("retired"), refusal);
        }
    }

    @Test
    void aConnectionThatDoesNotAnswerIsRetiredWhetherItsMemoryIsReadOrNot() throws SQLException {
        try (Connection ended = TestDatabase.connect(); Connection other = TestDatabase.connect();
                Statement end = other.createStatement()) {
            end.execute("SELECT pg_terminate_backend(" + pidOf(ended) + ")");
            assertNotNull(new BackendMemoryLimit(GIB, ALWAYS, ALWAYS, USES, ASK_EVERY_TIME).refusal(ended, 0));
            assertNotNull(new BackendMemoryLimit(GIB, NEVER, NEVER, USES, ASK_EVERY_TIME).refusal(ended, 0));
        }
        Connection closed = TestDatabase.connect();
        closed.close();
        assertNotNull(new BackendMemoryLimit(GIB, ALWAYS, ALWAYS, USES, ASK_EVERY_TIME).refusal(closed, 0));
        assertNotNull(new BackendMemoryLimit(GIB, NEVER, NEVER, USES, ASK_EVERY_TIME).refusal(closed, 0));
    }

    /**
     * A connection whose database went silent without closing it (a failover, a firewall that dropped
     * it while it idled) is refused once the time to answer has passed, whether its memory is read or not,
     * the default time when the pool sets none; one that answers keeps its own network timeout.
     */
    @Test
    void aConnectionWhoseDatabaseWentSilentIsRefusedInTime() throws Exception {
        PGSimpleDataSource direct = TestDatabase.dataSource();
        try (SilenceableLink link = new SilenceableLink(direct.getServerNames()[0], direct.getPortNumbers()[0])) {
            PGSimpleDataSource viaLink = TestDatabase.dataSource();
            viaLink.setServerNames(new String[] {"127.0.0.1"});
            viaLink.setPortNumbers(new int[] {link.port()});
            try (Connection asked = viaLink.getConnection(); Connection read = viaLink.getConnection()) {
                BackendMemoryLimit asks = new BackendMemoryLimit(GIB, NEVER, NEVER, USES, ASK_EVERY_TIME);
                BackendMemoryLimit reads = new BackendMemoryLimit(GIB, ALWAYS, ALWAYS, USES, ASK_EVERY_TIME);
                asked.setNetworkTimeout(Runnable::run, 123_000);
                assertNull(asks.refusal(asked, 0));
                assertNull(reads.refusal(read, 1));
                assertEquals(123_000, asked.getNetworkTimeout(), "the connection's own network timeout is given back");
                assertEquals(0, read.getNetworkTimeout(), "the connection's own network timeout, none, is given back");
                link.silence();
                long started = System.nanoTime();
                assertNotNull(assertTimeoutPreemptively(Duration.ofSeconds(30), () -> asks.refusal(asked, 0)));
                long waited = System.nanoTime() - started;
                assertTrue(waited >= TimeUnit.SECONDS.toNanos(BackendMemoryLimit.ANSWER_WITHIN_SECONDS - 1)
                        && waited < TimeUnit.SECONDS.toNanos(BackendMemoryLimit.ANSWER_WITHIN_SECONDS + 5),
                        "refused after " + TimeUnit.NANOSECONDS.toMillis(waited) + " ms, not about the default time to answer");
                started = System.nanoTime();
                assertNotNull(assertTimeoutPreemptively(Duration.ofSeconds(30), () -> reads.refusal(read, 1)));
                assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(5), "the time given was not kept to");
            }
        }
    }

    @Test
    void whereTheMemoryCannotBeReadAConnectionIsRetiredAfterItsHandouts() throws SQLException {
        try (Connection connection = TestDatabase.connect(); Statement statement = connection.createStatement()) {
            statement.execute("DO $$ BEGIN CREATE ROLE tenantry_pool_no_stats NOLOGIN;"
                    + " EXCEPTION WHEN duplicate_object THEN NULL; END $$");
            statement.execute("SET ROLE tenantry_pool_no_stats");
            try {
                BackendMemoryLimit limit = new BackendMemoryLimit(64 * 1024, ALWAYS, ALWAYS, USES, ASK_EVERY_TIME);
                assertNull(limit.refusal(connection, 0), "a backend above the limit, whose memory cannot be read");
                assertNull(limit.refusal(connection, 0));
                String refusal = limit.refusal(connection, 0);
                assertNotNull(refusal, "the third handout of " + USES);
                assertTrue(refusal.endsWith("retired after " + USES + " handouts"), refusal);
                assertNull(limit.refusal(connection, 0), "counted again from nothing, as a new connection would be");
            } finally {
                statement.execute("RESET ROLE");
            }
        }
    }

    @Test
    void aConnectionLeftInAFailedTransactionIsRetiredOneWithAutoCommitOffIsNot() throws SQLException {
        try (Connection connection = TestDatabase.connect()) {
            connection.setAutoCommit(false);
            assertNull(new BackendMemoryLimit(GIB, ALWAYS, ALWAYS, USES, ASK_EVERY_TIME).refusal(connection, 0));
            assertNull(new BackendMemoryLimit(GIB, NEVER, NEVER, USES, ASK_EVERY_TIME).refusal(connection, 0));
            try (Statement failing = connection.createStatement()) {
                assertThrows(SQLException.class, () -> failing.execute("SELECT 1 / 0"));
            }
            assertNotNull(new BackendMemoryLimit(GIB, NEVER, NEVER, USES, ASK_EVERY_TIME).refusal(connection, 0));
            assertNotNull(new BackendMemoryLimit(GIB, ALWAYS, ALWAYS, USES, ASK_EVERY_TIME).refusal(connection, 0));
        }
    }

    @Test
    void aConnectionThatAnsweredLatelyIsNotAskedAgainUntilTheDriverHasSeenItClosed() throws SQLException {
        BackendMemoryLimit limit = new BackendMemoryLimit(GIB, NEVER, NEVER, USES, A_MINUTE);
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
        BackendMemoryLimit lately = new BackendMemoryLimit(GIB, NEVER, NEVER, USES, A_MINUTE);
        try (Connection connection = TestDatabase.connect()) {
            assertNull(lately.refusal(connection, 0));
            connection.setAutoCommit(false);
            try (Statement failing = connection.createStatement()) {
                assertThrows(SQLException.class, () -> failing.execute("SELECT 1 / 0"));
            }
            assertNotNull(lately.refusal(connection, 0), "left in a failed transaction, out of auto-commit");
        }
        BackendMemoryLimit briefly = new BackendMemoryLimit(GIB, NEVER, NEVER, USES, 50);
        try (Connection ended = TestDatabase.connect(); Connection other = TestDatabase.connect();
                Statement end = other.createStatement()) {
            assertNull(briefly.refusal(ended, 0));
            end.execute("SELECT pg_terminate_backend(" + pidOf(ended) + ")");
            sleep(200);
            assertNotNull(briefly.refusal(ended, 0), "asked again once the 50 ms have passed: it does not answer");
        }
    }

    @Test
    void theMemoryIsReadOnEveryNthHandoutOfAConnectionWhateverItAnsweredLately() throws SQLException {
        // A new backend already holds about a MiB: above 64 KiB, refused at the third handout, when its memory is read.
        BackendMemoryLimit limit = new BackendMemoryLimit(64 * 1024, 3, 3, USES, A_MINUTE);
        try (Connection connection = TestDatabase.connect()) {
            assertNull(limit.refusal(connection, 0));
            assertNull(limit.refusal(connection, 0));
            assertNotNull(limit.refusal(connection, 0));
        }
    }

    @Test
    void aConnectionFarUnderItsLimitIsReadSeldomerUpToTheMostApart() throws SQLException {
        // A new backend holds about 1.3 MiB: read at the 16th handout, some 14.7 MiB under a 16 MiB limit. Growing as
        // in its first 16 handouts (its whole 1.3 MiB), it would use half that room in about 90 handouts: more than
        // the most apart, 32, so the next reading is at the 48th.
        BackendMemoryLimit limit = new BackendMemoryLimit(16 * MIB, 16, 32, USES, A_MINUTE);
        try (Connection connection = TestDatabase.connect(); Statement statement = connection.createStatement()) {
            for (int handout = 1; handout <= 16; handout++) {
                assertNull(limit.refusal(connection, 0), "handout " + handout);
            }
            // A statement prepared on the backend keeps its text: 20 MB, above the limit from now on.
            statement.execute("PREPARE held AS SELECT length('" + "x".repeat(20_000_000) + "')");
            for (int handout = 17; handout < 48; handout++) {
                assertNull(limit.refusal(connection, 0), "handout " + handout + ": not read, though above the limit");
            }
            assertNotNull(limit.refusal(connection, 0), "the 48th handout reads it");
        }
    }

    @Test
    void aConnectionNearItsLimitIsReadAtTheLeastApart() throws SQLException {
        // Read at the 16th handout, about 1.2 MiB under a 2.5 MiB limit: growing as in its first 16 handouts, it would
        // use half that room in about 7 handouts, fewer than the least apart, 16, so the next reading is at the 32nd.
        BackendMemoryLimit limit = new BackendMemoryLimit(2 * MIB + MIB / 2, 16, 32, USES, A_MINUTE);
        try (Connection connection = TestDatabase.connect(); Statement statement = connection.createStatement()) {
            for (int handout = 1; handout <= 16; handout++) {
                assertNull(limit.refusal(connection, 0), "handout " + handout);
            }
            statement.execute("PREPARE held AS SELECT length('" + "x".repeat(20_000_000) + "')");
            for (int handout = 17; handout < 32; handout++) {
                assertNull(limit.refusal(connection, 0), "handout " + handout);
            }
            assertNotNull(limit.refusal(connection, 0), "the 32nd handout reads it");
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

    private static int pidOf(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                java.sql.ResultSet row = statement.executeQuery("SELECT pg_backend_pid()")) {
            row.next();
            return row.getInt(1);
        }
    }
}
