package io.tenantry.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class AccountRulesTest {

    @Test
    void userNamesFollowTheRuleAndSayWhichFieldIsWrong() {
        assertEquals("jane.doe-2", AccountRules.username("  jane.doe-2 "));
        for (String bad : new String[] {"jo", "-jane", "jane doe", "jäne", "a".repeat(41), null}) {
            InvalidAccountException e = assertThrows(InvalidAccountException.class, () -> AccountRules.username(bad));
            assertEquals(java.util.Optional.of("username"), e.field());
        }
    }

    @Test
    void emailsAreStoredLowerCase() {
        assertEquals("jane@example.com", AccountRules.email(" Jane@Example.COM "));
        for (String bad : new String[] {"jane", "jane@", "@example.com", "jane@example", "a b@example.com"}) {
            assertThrows(InvalidAccountException.class, () -> AccountRules.email(bad), bad);
        }
    }

    @Test
    void passwordsAreLongEnoughAndNotTheUserName() {
        assertEquals("long enough", AccountRules.password("long enough", "jane"));
        assertThrows(InvalidAccountException.class, () -> AccountRules.password("short", "jane"));
        assertThrows(InvalidAccountException.class, () -> AccountRules.password("JaneDoe123", "janedoe123"));
        assertThrows(InvalidAccountException.class, () -> AccountRules.password("x".repeat(201), "jane"));
    }
}
