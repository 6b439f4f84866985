package io.tenantry.tenancy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.logging.Logger;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

import io.micrometer.core.instrument.Timer;
import io.tenantry.platform.Database;
import io.tenantry.platform.Meters;
import io.tenantry.platform.UnroutedPool;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Tenant affinity for pooled connections. Beside the main pool the server may define lane pools,
 * {@code jdbc/tenantry-lane-0}, {@code -1}, … (payara-config/, wildfly-config/: 16); a request to a
 * tenant takes its connections from the lane its schema's name falls in, while fewer than
 * DB_LANE_CONNECTIONS ({@link LaneConnections}) of that lane's requests are under way, and from the main
 * pool otherwise.
 *
 * <p>Why: a PostgreSQL backend loads a tenant schema's catalog entries and plans its statements the
 * first time it serves that tenant, and keeps them. From one pool, every connection meets every tenant;
 * with reads spread over thousands of tenants almost every read then meets a backend that has not
 * served its tenant yet, and pays that again (bench/README.md, "Connection lanes"). A lane's
 * connections serve only its share of the tenants (10,000 tenants over 16 lanes: 625 each, within what
 * DB_CONNECTION_MEMORY_MB lets a backend keep), so they keep serving tenants they know. Overflowing to the
 * main pool, not waiting, keeps one busy tenant from being held to its lane's connections.
 *
 * <p>The whole request draws from one pool ({@link Database#drawFrom}), every transaction of it, so that
 * a transaction begun inside another stays on the pool of the connection the outer one holds.
 *
 * <p>{@code tenantry_db_lane_requests_seconds{pool}} times the requests to tenants by the pool they drew
 * from: {@code lane}, or {@code main} when their lane was full. Many of the latter mean DB_LANE_CONNECTIONS
 * is low for the load: their connections serve any tenant, so they often meet one new to them.
 */
@ApplicationScoped
public class ConnectionLanes {

    /** The lanes' names, numbered from 0 up: the first number not found ends them. */
    static final String NAME = "jdbc/tenantry-lane-";
    /** WildFly binds data sources under java:/ only (wildfly-config/). */
    private static final List<String> PREFIXES = List.of("", "java:/");
    private static final Logger LOG = Logger.getLogger(ConnectionLanes.class.getName());
    /** The main pool's ceiling (payara-config/, wildfly-config/), for the start-up count of connections. */
    private static final int MAIN_POOL = 40;

    @Inject
    LaneConnections limit;

    @Inject
    Meters meters;

    private List<DataSource> lanes = List.of();
    private AtomicIntegerArray underWay = new AtomicIntegerArray(0);
    private Timer inLane;
    private Timer overflowed;

    @PostConstruct
    void find() {
        List<DataSource> found = new ArrayList<>();
        while (limit.perLane() > 0) {
            DataSource lane = lookUp(found.size());
            if (lane == null) {
                break;
            }
            found.add(lane);
        }
        use(found);
    }

    /** Takes {@code found} as the lanes, lane 0 first. */
    void use(List<DataSource> found) {
        lanes = List.copyOf(found);
        underWay = new AtomicIntegerArray(lanes.size());
        if (!lanes.isEmpty()) { // without lanes there is nothing to tell apart: no meter
            inLane = timer("lane");
            overflowed = timer("main");
        }
    }

    private Timer timer(String pool) {
        return Timer.builder("tenantry.db.lane.requests").description("Requests to tenants, by the pool they drew from:"
                + " their lane, or the main pool when the lane was full").tag("pool", pool).register(meters.registry());
    }

    /**
     * Checks that every lane's pool opens its connections on {@link UnroutedPool#SCHEMA}, as the main
     * pool must, and logs the lanes found; run at start-up.
     *
     * @throws IllegalStateException naming the lane and the property when one does not
     * @throws SQLException when the database cannot be asked
     */
    public void check() throws SQLException {
        for (int lane = 0; lane < lanes.size(); lane++) {
            try {
                UnroutedPool.check(lanes.get(lane), NAME + lane);
            } catch (SQLException e) {
                // The main pool answered just before (Bootstrap): the lane's own url, user or password is wrong.
                throw new IllegalStateException("The connection lane " + NAME + lane + " could not open a connection ("
                        + e.getMessage() + "): give it the main pool's url, user and password (payara-config/, wildfly-config/)", e);
            }
        }
        if (lanes.isEmpty()) {
            LOG.info(limit.perLane() == 0 ? "Connection lanes off (DB_LANE_CONNECTIONS=0): every request takes its connections"
                    + " from the main pool" : "No connection lanes (" + NAME + "0 not found): every request takes its connections"
                    + " from the main pool");
            return;
        }
        int most = MAIN_POOL + lanes.size() * limit.perLane();
        // A request whose transaction begins another (an audit entry's) holds two of its lane's connections, and
        // a lane connection opened at such a peak stays open until it has idled an hour (the lanes' idle
        // timeout), so the peak, not the steady count, is what PostgreSQL must have room for.
        int peak = MAIN_POOL + 2 * lanes.size() * limit.perLane();
        LOG.info(lanes.size() + " connection lanes (" + NAME + "0 to " + (lanes.size() - 1) + "), " + limit
                + ": this instance may hold up to " + most + " pooled connections, " + peak + " at a peak");
        int room = roomForConnections(lanes.get(0));
        if (peak + 1 > room) {
            LOG.warning("This instance alone may hold up to " + peak + " pooled connections and a LISTEN connection (the main pool's "
                    + MAIN_POOL + ", and " + lanes.size() + " lanes × DB_LANE_CONNECTIONS=" + limit.perLane() + " twice over: a request"
                    + " whose transaction begins another, as an audit entry's does, holds two of its lane's connections, which"
                    + " then stay open until idle for an hour), but PostgreSQL lets its account open " + room + " (max_connections"
                    + " less the superusers' reserve): under load requests would be refused with 503. Raise max_connections, or"
                    + " lower DB_LANE_CONNECTIONS (0 turns the lanes off); docs/operations.md, \"PostgreSQL's memory\".");
        }
    }

    /** The connections PostgreSQL lets an account that is not a superuser open, for all instances together. */
    private static int roomForConnections(DataSource pool) throws SQLException {
        try (Connection connection = Database.connection(pool); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT current_setting('max_connections')::int"
                        + " - current_setting('superuser_reserved_connections')::int")) {
            row.next();
            return row.getInt(1);
        }
    }

    /**
     * Has this thread, about to serve a request to {@code tenant}, take its connections from the
     * tenant's lane if the lane has room, until the request ends (closing what this gives back).
     */
    Database.PoolChoice enter(SchemaName tenant) {
        if (lanes.isEmpty() || Database.choseItsPool()) {
            return () -> { }; // work nested in a request keeps the request's pool, and takes no place
        }
        int lane = laneOf(tenant, lanes.size());
        long entered = System.nanoTime();
        boolean hasRoom = underWay.incrementAndGet(lane) <= limit.perLane();
        if (!hasRoom) {
            underWay.decrementAndGet(lane);
        }
        Database.PoolChoice drawn = Database.drawFrom(hasRoom ? Optional.of(lanes.get(lane)) : Optional.empty());
        Timer timed = hasRoom ? inLane : overflowed;
        AtomicBoolean released = new AtomicBoolean();
        return () -> {
            drawn.close();
            if (!released.getAndSet(true)) {
                if (hasRoom) {
                    underWay.decrementAndGet(lane);
                }
                timed.record(System.nanoTime() - entered, TimeUnit.NANOSECONDS);
            }
        };
    }

    /** The lane, from 0 to {@code lanes} - 1, that the tenant's requests draw from; the same on every instance. */
    static int laneOf(SchemaName tenant, int lanes) {
        return Math.floorMod(tenant.value().hashCode(), lanes);
    }

    private static DataSource lookUp(int lane) {
        for (String prefix : PREFIXES) {
            try {
                return InitialContext.doLookup(prefix + NAME + lane);
            } catch (NamingException notThere) {
                // The other server's way of naming it, or no such lane.
            }
        }
        return null;
    }
}
