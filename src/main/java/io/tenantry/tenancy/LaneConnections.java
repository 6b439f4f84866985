package io.tenantry.tenancy;

import java.util.Optional;

import io.tenantry.platform.WholeNumberSetting;

/**
 * DB_LANE_CONNECTIONS: how many transactions of the tenants of one connection lane take their
 * connections from that lane's pool at once (4 unless set; 0 to 40, 0 turning the lanes off); the
 * transactions beyond it take theirs from the main pool ({@link ConnectionLanes}). Each lane's pool
 * must allow at least as many connections (payara-config/, wildfly-config/: 40).
 */
public record LaneConnections(int perLane) {

    static final int DEFAULT = 4;
    static final int MOST = 40;

    /** The checked setting; an {@link IllegalStateException} naming the variable when it is wrong. */
    public static LaneConnections of(Optional<String> configured) {
        return new LaneConnections((int) WholeNumberSetting.of("DB_LANE_CONNECTIONS", configured, "", 0, MOST, DEFAULT, 8));
    }

    /** For the start-up log. */
    @Override
    public String toString() {
        return perLane == 0 ? "connection lanes off (DB_LANE_CONNECTIONS=0)"
                : "up to " + perLane + " connection(s) a lane at once (DB_LANE_CONNECTIONS)";
    }
}
