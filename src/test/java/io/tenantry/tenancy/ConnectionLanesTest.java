package io.tenantry.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import io.tenantry.platform.Database;

/** Which pool a request to a tenant draws from: its lane while the lane has room, the main pool beyond. */
class ConnectionLanesTest {

    private final DataSource main = new PGSimpleDataSource();
    private final DataSource laneZero = new PGSimpleDataSource();
    private final DataSource laneOne = new PGSimpleDataSource();

    @Test
    void aRequestDrawsFromItsTenantsLaneUntilItEnds() {
        ConnectionLanes lanes = lanes("4");
        SchemaName tenant = tenantIn(1);
        try (Database.PoolChoice request = lanes.enter(tenant)) {
            assertSame(laneOne, Database.poolOf(main));
        }
        assertSame(main, Database.poolOf(main), "the thread's next work draws from the main pool again");
    }

    @Test
    void requestsBeyondALanesLimitOverflowToTheMainPoolUntilOneEnds() throws Exception {
        ConnectionLanes lanes = lanes("2");
        SchemaName tenant = tenantIn(0);
        try (Database.PoolChoice first = onOtherThread(lanes, tenant); Database.PoolChoice second = onOtherThread(lanes, tenant)) {
            try (Database.PoolChoice third = lanes.enter(tenant)) {
                assertSame(main, Database.poolOf(main), "the lane's two places are taken");
            }
            try (Database.PoolChoice otherLane = lanes.enter(tenantIn(1))) {
                assertSame(laneOne, Database.poolOf(main), "another lane has room");
            }
        }
        try (Database.PoolChoice afterwards = lanes.enter(tenant)) {
            assertSame(laneZero, Database.poolOf(main));
        }
    }

    @Test
    void aThreadThatDrawsFromALaneKeepsItForWorkNestedInside() {
        ConnectionLanes lanes = lanes("4");
        try (Database.PoolChoice outer = lanes.enter(tenantIn(0))) {
            try (Database.PoolChoice inner = lanes.enter(tenantIn(1))) {
                assertSame(laneZero, Database.poolOf(main));
            }
            assertSame(laneZero, Database.poolOf(main), "the nested work's end leaves the outer choice");
        }
    }

    @Test
    void withoutLanesOrWithLanesTurnedOffEveryRequestDrawsFromTheMainPool() {
        ConnectionLanes none = lanes("4");
        none.use(List.of());
        try (Database.PoolChoice request = none.enter(tenantIn(0))) {
            assertSame(main, Database.poolOf(main));
        }
        ConnectionLanes off = lanes("0");
        try (Database.PoolChoice request = off.enter(tenantIn(0))) {
            assertSame(main, Database.poolOf(main), "DB_LANE_CONNECTIONS=0");
        }
    }

    @Test
    void aTenantsLaneIsTheSameEverywhereAndEveryLaneIsUsed() {
        assertEquals(ConnectionLanes.laneOf(new SchemaName("acme"), 16), ConnectionLanes.laneOf(new SchemaName("acme"), 16));
        boolean[] seen = new boolean[16];
        for (int i = 0; i < 1_000; i++) {
            seen[ConnectionLanes.laneOf(new SchemaName("t_" + i), 16)] = true;
        }
        for (int lane = 0; lane < 16; lane++) {
            assertEquals(true, seen[lane], "lane " + lane);
        }
    }

    private ConnectionLanes lanes(String perLane) {
        ConnectionLanes lanes = new ConnectionLanes();
        lanes.limit = LaneConnections.of(Optional.of(perLane));
        lanes.use(List.of(laneZero, laneOne));
        return lanes;
    }

    /** A tenant whose schema falls in {@code lane} of two. */
    private static SchemaName tenantIn(int lane) {
        for (int i = 0; ; i++) {
            SchemaName tenant = new SchemaName("t_" + i);
            if (ConnectionLanes.laneOf(tenant, 2) == lane) {
                return tenant;
            }
        }
    }

    /** A request to {@code tenant} entered on another thread, so that this thread's own choice stays free. */
    private static Database.PoolChoice onOtherThread(ConnectionLanes lanes, SchemaName tenant) throws Exception {
        Database.PoolChoice[] entered = new Database.PoolChoice[1];
        Thread thread = new Thread(() -> entered[0] = lanes.enter(tenant));
        thread.start();
        thread.join();
        return entered[0];
    }
}
