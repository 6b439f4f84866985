package io.tenantry.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * PostgreSQL advisory locks of one bigint key (platform.AdvisoryLockKey), as the application takes them,
 * taken or watched from a test's own connection: to hold a tenant's work back as a restore or an upgrade
 * on another instance would.
 */
public final class AdvisoryLocks {

    private AdvisoryLocks() {
    }

    /** Takes the lock exclusively in {@code db}'s transaction (auto-commit off), waiting for it. */
    public static void take(Connection db, long key) throws SQLException {
        try (PreparedStatement lock = db.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            lock.setLong(1, key);
            lock.executeQuery().close();
        }
    }

    /** Holds the lock shared on {@code db}'s session until the session ends, waiting for it. */
    public static void holdShared(Connection db, long key) throws SQLException {
        try (PreparedStatement lock = db.prepareStatement("SELECT pg_advisory_lock_shared(?)")) {
            lock.setLong(1, key);
            lock.executeQuery().close();
        }
    }

    /**
     * Whether some transaction waits for the lock within {@code patience} (pg_locks shows a bigint key
     * as its high 32 bits in classid, its low 32 in objid, and objsubid 1).
     */
    public static boolean awaitWaiter(long key, Duration patience) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        try (Connection db = TestDatabase.connect(); PreparedStatement waiting = db.prepareStatement("SELECT 1 FROM pg_locks "
                + "WHERE locktype = 'advisory' AND objsubid = 1 AND classid::bigint = ? AND objid::bigint = ? AND NOT granted")) {
            waiting.setLong(1, key >>> 32);
            waiting.setLong(2, key & 0xFFFF_FFFFL);
            while (System.nanoTime() < deadline) {
                try (ResultSet rows = waiting.executeQuery()) {
                    if (rows.next()) {
                        return true;
                    }
                }
                Thread.sleep(100);
            }
        }
        return false;
    }
}
