package io.tenantry.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/** METRICS_TOKEN and METRICS_TENANTS: defaults, and a wrong value refused naming its variable. */
class MetricsSettingsTest {

    @Test
    void unsetMeansSuperUsersOnlyAndFiftyTenants() {
        MetricsSettings settings = MetricsSettings.of(Optional.empty(), Optional.of(" "));
        assertTrue(settings.token().isEmpty());
        assertEquals(50, settings.tenants());
    }

    @Test
    void aStrongTokenAndABoundAreTaken() {
        MetricsSettings settings = MetricsSettings.of(Optional.of(" 0123456789abcdef0123 "), Optional.of("7"));
        assertEquals(Optional.of("0123456789abcdef0123"), settings.token());
        assertEquals(7, settings.tenants());
        assertFalse(settings.toString().contains("0123456789abcdef"), "the log never shows the token");
    }

    @Test
    void aWeakTokenIsRefusedNamingIt() {
        for (String weak : new String[] {"short", "has spaces in the middle of it"}) {
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> MetricsSettings.of(Optional.of(weak), Optional.empty()));
            assertTrue(refused.getMessage().startsWith("METRICS_TOKEN"), refused.getMessage());
            assertFalse(refused.getMessage().contains(weak), "the message does not repeat the secret");
        }
    }

    @Test
    void aBoundThatIsNoWholeNumberUpToTenThousandIsRefusedNamingIt() {
        for (String wrong : new String[] {"-1", "many", "10001", "2.5"}) {
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> MetricsSettings.of(Optional.empty(), Optional.of(wrong)));
            assertTrue(refused.getMessage().startsWith("METRICS_TENANTS is '" + wrong + "', not a whole number"), refused.getMessage());
        }
    }
}
