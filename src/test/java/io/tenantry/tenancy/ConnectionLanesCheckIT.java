package io.tenantry.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import io.tenantry.platform.Meters;
import io.tenantry.platform.UnroutedPool;
import io.tenantry.testing.TestDatabase;

/**
 * The lanes' start-up check on the run's database, without a server: an instance whose pools may hold
 * more connections than PostgreSQL lets its account open (at a peak, two a request) is warned of, naming
 * max_connections and DB_LANE_CONNECTIONS; one that fits is not.
 */
class ConnectionLanesCheckIT {

    /** The main pool's 40 and the LISTEN connection, as ConnectionLanes counts them. */
    private static final int MAIN_POOL_AND_LISTEN = 41;

    @Test
    void lanesThatMayHoldMoreConnectionsThanPostgreSQLAllowsAreWarnedOf() throws SQLException {
        DataSource lane = lane();
        int room = roomForConnections();
        // Lanes of 20 until they, with the main pool, pass the room.
        int laneCount = Math.max(1, (room - MAIN_POOL_AND_LISTEN) / 20 + 1);
        List<String> warnings = warningsOfCheck(Collections.nCopies(laneCount, lane), "20");
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("lets its account open " + room + " (max_connections")
                && warnings.get(0).contains("DB_LANE_CONNECTIONS=20"), warnings.get(0));
    }

    /** A request whose transaction begins another holds two of its lane's connections, which then stay open an hour. */
    @Test
    void lanesThatFitOnlyWhenEachRequestHoldsOneConnectionAreWarnedOf() throws SQLException {
        int room = roomForConnections();
        assumeTrue(room >= MAIN_POOL_AND_LISTEN + 20, "the run's database allows fewer than 61 connections");
        // As many lanes of 20 as fit with one connection a request; twice as many connections do not.
        int laneCount = (room - MAIN_POOL_AND_LISTEN) / 20;
        List<String> warnings = warningsOfCheck(Collections.nCopies(laneCount, lane()), "20");
        assertEquals(1, warnings.size(), "lanes of " + laneCount + " × 20 with " + room + " connections allowed: " + warnings);
        assertTrue(warnings.get(0).contains("up to " + (MAIN_POOL_AND_LISTEN - 1 + 2 * laneCount * 20) + " pooled connections"),
                warnings.get(0));
    }

    @Test
    void lanesThatFitAreNotWarnedOf() throws SQLException {
        // One lane of 1: two connections at a peak.
        assumeTrue(roomForConnections() >= MAIN_POOL_AND_LISTEN + 2, "the run's database allows fewer than 43 connections");
        assertEquals(List.of(), warningsOfCheck(List.of(lane()), "1"));
    }

    private static List<String> warningsOfCheck(List<DataSource> found, String perLane) throws SQLException {
        ConnectionLanes lanes = new ConnectionLanes();
        lanes.meters = new Meters();
        lanes.limit = LaneConnections.of(Optional.of(perLane));
        lanes.use(found);
        List<String> warnings = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord entry) {
                if (entry.getLevel().intValue() >= Level.WARNING.intValue()) {
                    warnings.add(entry.getMessage());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger log = Logger.getLogger(ConnectionLanes.class.getName());
        log.addHandler(capture);
        try {
            lanes.check();
        } finally {
            log.removeHandler(capture);
        }
        return warnings;
    }

    /** A lane's pool as the server's config defines it: opened on _unrouted. */
    private static DataSource lane() throws SQLException {
        PGSimpleDataSource pool = TestDatabase.dataSource();
        pool.setCurrentSchema(UnroutedPool.SCHEMA);
        return pool;
    }

    private static int roomForConnections() throws SQLException {
        try (Connection db = TestDatabase.connect(); Statement sql = db.createStatement();
                ResultSet row = sql.executeQuery("SELECT current_setting('max_connections')::int"
                        + " - current_setting('superuser_reserved_connections')::int")) {
            row.next();
            return row.getInt(1);
        }
    }
}
