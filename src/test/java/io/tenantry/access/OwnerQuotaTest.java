package io.tenantry.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

class OwnerQuotaTest {

    @Test
    void unsetItIsOneWhenAnyoneMayCreateAndUnlimitedWhenOnlyPermittedAccountsMay() {
        OwnerQuota anyone = OwnerQuota.of(Optional.empty(), "anyone");
        assertEquals(OptionalInt.of(1), anyone.most());
        assertTrue(anyone.allowsOneMore(0), "at the quota after this one");
        assertFalse(anyone.allowsOneMore(1), "one past it");
        assertEquals(OptionalInt.empty(), OwnerQuota.of(Optional.of(" "), "permitted").most());
        assertTrue(OwnerQuota.of(Optional.empty(), "permitted").allowsOneMore(10_000));
    }

    @Test
    void aNumberOrUnlimitedIsTakenAsSet() {
        assertEquals(OptionalInt.of(3), OwnerQuota.of(Optional.of(" 3 "), "anyone").most());
        assertEquals(OptionalInt.empty(), OwnerQuota.of(Optional.of("unlimited"), "anyone").most());
    }

    @Test
    void anythingElseFailsNamingTheVariable() {
        for (String wrong : new String[] {"0", "-1", "two", "1.5", "9999999", "Unlimited"}) {
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> OwnerQuota.of(Optional.of(wrong), "anyone"), wrong);
            assertTrue(refused.getMessage().startsWith("TENANTS_PER_OWNER '" + wrong + "'"), refused.getMessage());
        }
    }

    @Test
    void theDefaultPlanIsStandardUnlessNamedAndNeverLongerThanAPlanName() {
        assertEquals("Standard", DefaultPlan.of(Optional.empty()).name());
        assertEquals("Team", DefaultPlan.of(Optional.of(" Team ")).name());
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> DefaultPlan.of(Optional.of("x".repeat(101))));
        assertTrue(refused.getMessage().startsWith("TENANTS_DEFAULT_PLAN is 101 characters long"), refused.getMessage());
    }
}
