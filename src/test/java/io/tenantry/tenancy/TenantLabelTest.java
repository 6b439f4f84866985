package io.tenantry.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class TenantLabelTest {

    @ParameterizedTest
    @ValueSource(strings = {"acme", "acme-inc", "a", "3m", "a1-b2-c3", "x-y"})
    void acceptsDnsLabels(String label) {
        assertEquals(label, TenantLabel.forNewTenant(label).value());
    }

    @Test
    void acceptsSixtyThreeCharactersAndRefusesSixtyFour() {
        String sixtyThree = "a".repeat(63);
        assertEquals(sixtyThree, TenantLabel.forNewTenant(sixtyThree).value());
        InvalidTenantLabelException tooLong = assertThrows(InvalidTenantLabelException.class,
                () -> TenantLabel.forNewTenant("a".repeat(64)));
        assertTrue(tooLong.getMessage().contains("at most 63"), tooLong.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-acme", "acme-", "ac_me", "ac.me", "ac me", "acmé", "a/b", "a;drop", "\"q\""})
    void refusesWhatIsNotALabel(String label) {
        assertThrows(InvalidTenantLabelException.class, () -> TenantLabel.forNewTenant(label));
    }

    @Test
    void refusesUpperCaseWithAnExplanation() {
        InvalidTenantLabelException upper = assertThrows(InvalidTenantLabelException.class,
                () -> TenantLabel.forNewTenant("Acme"));
        assertTrue(upper.getMessage().contains("lower-case"), upper.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"public", "www", "template", "information-schema", "pg-toast", "pg-catalog", "api",
            "admin", "xn--80ak6aa92e", "other", "none"})
    void refusesReservedAndConfusableLabels(String label) {
        assertThrows(InvalidTenantLabelException.class, () -> TenantLabel.forNewTenant(label));
    }

    @Test
    void mapsLabelsToDistinctSafeSchemaNames() {
        assertEquals("acme_inc", SchemaName.of(new TenantLabel("acme-inc")).value());
        assertEquals("\"acme_inc\"", SchemaName.of(new TenantLabel("acme-inc")).quoted());
        assertEquals("_public", SchemaName.of(TenantLabel.PUBLIC).value());
        assertEquals(63, SchemaName.of(new TenantLabel("a".repeat(63))).value().length());
    }

    @Test
    void schemaNamesRefuseAnythingThatCouldEscapeQuoting() {
        assertThrows(IllegalArgumentException.class, () -> new SchemaName("a\"; DROP SCHEMA public; --"));
        assertThrows(IllegalArgumentException.class, () -> new SchemaName("A"));
        assertThrows(IllegalArgumentException.class, () -> new SchemaName("a".repeat(64)));
    }

    /**
     * The platform's own schemas start with '_' (the template, ready schemas {@code _ready_…}, staging
     * schemas): no host's label maps to one, the public tenant's {@code _public} aside.
     */
    @ParameterizedTest
    @ValueSource(strings = {"_ready_0a1b2c", "_template", "_staging_1_ab", "-ready-0a1b2c", "ready-0a1b2c", "a", "x-y"})
    void noLabelButThePublicOneNamesASchemaOfThePlatform(String text) {
        if (TenantLabel.isWellFormed(text) && !text.equals(TenantLabel.PUBLIC.value())) {
            assertTrue(!SchemaName.of(new TenantLabel(text)).value().startsWith("_"), text);
        }
        assertTrue(!TenantLabel.isWellFormed(text) || !text.startsWith("_") && !text.startsWith("-"), text);
        assertEquals("_public", SchemaName.of(TenantLabel.PUBLIC).value());
    }
}
