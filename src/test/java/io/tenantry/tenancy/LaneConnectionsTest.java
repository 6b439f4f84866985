package io.tenantry.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/** DB_LANE_CONNECTIONS: 0 (lanes off) unless set, a whole number from 0 to 20, refused naming the variable. */
class LaneConnectionsTest {

    @Test
    void unsetOrZeroTurnsTheLanesOff() {
        assertEquals(0, LaneConnections.of(Optional.empty()).perLane());
        assertEquals(0, LaneConnections.of(Optional.of(" ")).perLane());
        assertEquals(4, LaneConnections.of(Optional.of("4")).perLane());
        assertEquals(20, LaneConnections.of(Optional.of(" 20 ")).perLane());
        assertTrue(LaneConnections.of(Optional.of("0")).toString().contains("off"));
    }

    @Test
    void anythingElseIsRefusedNamingTheVariable() {
        for (String wrong : new String[] {"21", "-1", "1.5", "two", "9999999999"}) {
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> LaneConnections.of(Optional.of(wrong)), wrong);
            assertTrue(refused.getMessage().contains("DB_LANE_CONNECTIONS"), refused.getMessage());
        }
    }
}
