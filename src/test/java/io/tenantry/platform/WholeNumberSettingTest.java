package io.tenantry.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The one rule of the whole-number settings: unset or blank is the default, the bounds are inclusive, else one message. */
class WholeNumberSettingTest {

    private static long days(String text) {
        return WholeNumberSetting.of("SOME_DAYS", Optional.ofNullable(text), "days", 1, 30, 7, 14);
    }

    @Test
    void unsetOrBlankIsTheDefaultAndTheBoundsAreInclusive() {
        assertEquals(7, days(null));
        assertEquals(7, days(" \t"));
        assertEquals(1, days("1"));
        assertEquals(30, days(" 30 "));
    }

    @Test
    void anythingElseNamesTheVariableTheBoundsAnExampleAndTheDefault() {
        for (String wrong : new String[] {"0", "31", "-1", "1.5", "+5", "5 days", "9999999999999999999", "٣"}) {
            IllegalStateException refused = assertThrows(IllegalStateException.class, () -> days(wrong), wrong);
            assertEquals("SOME_DAYS is '" + wrong + "', not a whole number of days from 1 to 30. Set it, for example "
                    + "SOME_DAYS=14, or leave it unset for 7 days.", refused.getMessage());
        }
    }
}
