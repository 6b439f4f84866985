package io.tenantry.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import io.tenantry.platform.Database;
import io.tenantry.platform.Meters;

/** Which pool a request to a tenant draws from: its lane while the lane has room, the main pool beyond. */
class ConnectionLanesTest {

    private final DataSource main = new PGSimpleDataSource();
    private final DataSource laneZero = new PGSimpleDataSource();
    private final DataSource laneOne = new PGSimpleDataSource();

    @Test
    void aRequestDrawsFromItsTenantsLaneUntilItEnds() {
        ConnectionLanes lanes = lanes("4");
        try (Database.PoolChoice request = lanes.enter(tenantIn(1))) {
            assertSame(laneOne, Database.poolOf(main));
        }
        assertSame(main, Database.poolOf(main), "the thread's next work draws from the main pool again");
        assertFalse(Database.choseItsPool());
    }

    @Test
    void requestsBeyondALanesLimitOverflowToTheMainPoolUntilOneEnds() throws Exception {
        ConnectionLanes lanes = lanes("2");
        SchemaName tenant = tenantIn(0);
        Request first = Request.heldOnItsThread(lanes, tenant);
        Request second = Request.heldOnItsThread(lanes, tenant);
        try (Database.PoolChoice third = lanes.enter(tenant)) {
            assertSame(main, Database.poolOf(main), "the lane's two places are taken");
        }
        try (Database.PoolChoice otherLane = lanes.enter(tenantIn(1))) {
            assertSame(laneOne, Database.poolOf(main), "another lane has room");
        }
        first.end();
        try (Database.PoolChoice afterwards = lanes.enter(tenant)) {
            assertSame(laneZero, Database.poolOf(main), "a place freed by a request that ended");
        }
        second.end();
    }

    @Test
    void requestsAreTimedByThePoolTheyDrewFromOnceEach() throws Exception {
        ConnectionLanes lanes = lanes("1");
        Request holder = Request.heldOnItsThread(lanes, tenantIn(0));
        Database.PoolChoice overflowed = lanes.enter(tenantIn(0));
        overflowed.close();
        overflowed.close();
        try (Database.PoolChoice inLane = lanes.enter(tenantIn(1))) {
            try (Database.PoolChoice nested = lanes.enter(tenantIn(0))) {
                assertSame(laneOne, Database.poolOf(main));
            }
        }
        holder.end();
        assertEquals(2, requests(lanes, "lane"), "the holder and the request to lane one; nested work is not a request");
        assertEquals(1, requests(lanes, "main"), "the request that found its lane full, closed twice");
    }

    private static long requests(ConnectionLanes lanes, String pool) {
        return lanes.meters.registry().get("tenantry.db.lane.requests").tag("pool", pool).timer().count();
    }

    @Test
    void workNestedInARequestKeepsItsPoolAndTakesNoPlace() throws Exception {
        ConnectionLanes lanes = lanes("1");
        try (Database.PoolChoice outer = lanes.enter(tenantIn(0))) {
            try (Database.PoolChoice inner = lanes.enter(tenantIn(1))) {
                assertSame(laneZero, Database.poolOf(main));
            }
            assertSame(laneZero, Database.poolOf(main), "the nested work's end leaves the outer choice");
        }
        try (Database.PoolChoice taken = lanes.enter(tenantIn(1))) {
            try (Database.PoolChoice onMain = onOtherThreadEntered(lanes, tenantIn(1))) {
                // the other thread overflowed, and its choice does not touch this thread's
                assertSame(laneOne, Database.poolOf(main));
            }
        }
    }

    @Test
    void aRequestThatOverflowedStaysOnTheMainPoolForWorkNestedInside() throws Exception {
        ConnectionLanes lanes = lanes("1");
        Request holder = Request.heldOnItsThread(lanes, tenantIn(0));
        try (Database.PoolChoice overflowed = lanes.enter(tenantIn(0))) {
            assertSame(main, Database.poolOf(main));
            assertTrue(Database.choseItsPool());
            try (Database.PoolChoice nested = lanes.enter(tenantIn(1))) {
                assertSame(main, Database.poolOf(main), "no lane in the middle of a request on the main pool");
            }
        }
        try (Database.PoolChoice laneOneFree = lanes.enter(tenantIn(1))) {
            assertSame(laneOne, Database.poolOf(main), "the nested work took no place of lane one");
        }
        holder.end();
    }

    @Test
    void aChoiceClosedTwiceFreesItsPlaceOnce() throws Exception {
        ConnectionLanes lanes = lanes("1");
        Database.PoolChoice request = lanes.enter(tenantIn(0));
        request.close();
        request.close();
        Request holder = Request.heldOnItsThread(lanes, tenantIn(0));
        try (Database.PoolChoice next = lanes.enter(tenantIn(0))) {
            assertSame(main, Database.poolOf(main), "one place, taken by the holder");
        }
        holder.end();
    }

    @Test
    void withoutLanesOrWithLanesTurnedOffEveryRequestDrawsFromTheMainPool() {
        ConnectionLanes none = lanes("4");
        none.use(List.of());
        try (Database.PoolChoice request = none.enter(tenantIn(0))) {
            assertSame(main, Database.poolOf(main));
        }
        ConnectionLanes off = new ConnectionLanes();
        off.meters = new Meters();
        off.limit = LaneConnections.of(Optional.of("0"));
        off.find();
        try (Database.PoolChoice request = off.enter(tenantIn(0))) {
            assertSame(main, Database.poolOf(main), "DB_LANE_CONNECTIONS=0 looks no lane up");
        }
        assertTrue(off.meters.registry().find("tenantry.db.lane.requests").timers().isEmpty(),
                "no lane timer while lanes are off (docs/operations.md says it is absent)");
    }

    @Test
    void aTenantsLaneIsTheSameEverywhereAndEveryLaneIsUsed() {
        assertEquals(ConnectionLanes.laneOf(new SchemaName("acme"), 16), ConnectionLanes.laneOf(new SchemaName("acme"), 16));
        boolean[] seen = new boolean[16];
        for (int i = 0; i < 1_000; i++) {
            seen[ConnectionLanes.laneOf(new SchemaName("t_" + i), 16)] = true;
        }
        for (int lane = 0; lane < 16; lane++) {
            assertTrue(seen[lane], "lane " + lane);
        }
    }

    private ConnectionLanes lanes(String perLane) {
        ConnectionLanes lanes = new ConnectionLanes();
        lanes.meters = new Meters();
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

    /** Entered on another thread and given back here: closing it on this thread changes nothing of this thread's. */
    private static Database.PoolChoice onOtherThreadEntered(ConnectionLanes lanes, SchemaName tenant) throws InterruptedException {
        Database.PoolChoice[] entered = new Database.PoolChoice[1];
        Thread thread = new Thread(() -> entered[0] = lanes.enter(tenant));
        thread.start();
        thread.join();
        return entered[0];
    }

    /** A request under way on a thread of its own, until {@link #end}. */
    private record Request(CountDownLatch ending, Thread thread) {

        static Request heldOnItsThread(ConnectionLanes lanes, SchemaName tenant) throws InterruptedException {
            CountDownLatch entered = new CountDownLatch(1);
            CountDownLatch ending = new CountDownLatch(1);
            Thread thread = new Thread(() -> {
                try (Database.PoolChoice request = lanes.enter(tenant)) {
                    entered.countDown();
                    ending.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            thread.start();
            assertTrue(entered.await(10, TimeUnit.SECONDS));
            return new Request(ending, thread);
        }

        void end() throws InterruptedException {
            ending.countDown();
            thread.join();
        }
    }
}
