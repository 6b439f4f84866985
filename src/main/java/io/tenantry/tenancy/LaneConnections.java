package io.tenantry.tenancy;

import java.util.Optional;

import io.tenantry.platform.WholeNumberSetting;

/**
 * DB_LANE_CONNECTIONS: how many requests to the tenants of one connection lane take their
 * connections from that lane's pool at once (0 to 20; 0, the default, turns the lanes off); the
 * requests beyond it take theirs from the main pool ({@link ConnectionLanes}). Each lane's pool must
 * allow twice as many connections, for requests whose transaction begins another (payara-config/,
 * wildfly-config/: 40). Off unless set because
 * each lane adds up to this many connections to the instance's 40, which a PostgreSQL left at its
 * default {@code max_connections} (100) does not have room for with sixteen lanes of 4, and because
 * only fleets of thousands of tenants gain from them (bench/README.md, "Connection lanes").
 */
public record LaneConnections(int perLane) {

    static final int DEFAULT = 0;
    static final int MOST = 20;

    /** The checked setting; an {@link IllegalStateException} naming the variable when it is wrong. */
    public static LaneConnections of(Optional<String> configured) {
        return new LaneConnections((int) WholeNumberSetting.of("DB_LANE_CONNECTIONS", configured, "", 0, MOST, DEFAULT, 8));
    }

    /** For the start-up log. */
    @Override
    public String toString() {
        return perLane == 0 ? "connection lanes off (DB_LANE_CONNECTIONS=0)"
                : perLane + " request(s) a connection lane at once (DB_LANE_CONNECTIONS)";
    }
}
