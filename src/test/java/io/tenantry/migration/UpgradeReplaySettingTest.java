package io.tenantry.migration;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** UPGRADE_REPLAY: true (the default the server passes when unset) or false, refused naming the variable otherwise. */
class UpgradeReplaySettingTest {

    @Test
    void trueOrFalseInAnyCase() {
        assertTrue(SchemaMigrations.replayOn("true"));
        assertTrue(SchemaMigrations.replayOn(" TRUE "));
        assertFalse(SchemaMigrations.replayOn("false"));
        assertFalse(SchemaMigrations.replayOn("False"));
    }

    @Test
    void anythingElseIsRefusedNamingTheVariable() {
        for (String wrong : new String[] {"", "yes", "0", "off", "flyway"}) {
            IllegalStateException refused = assertThrows(IllegalStateException.class, () -> SchemaMigrations.replayOn(wrong));
            assertTrue(refused.getMessage().contains("UPGRADE_REPLAY"), refused.getMessage());
        }
    }
}
