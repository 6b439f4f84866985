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
    void aRefusedAddressIsNamedInTheRefusalAndAnEmptyOneAskedFor() {
        InvalidAccountException wrong = assertThrows(InvalidAccountException.class,
                () -> AccountRules.email(" Jane.Example.com "));
        assertEquals("\"Jane.Example.com\" is not an e-mail address. Give one such as jane@example.com.",
                wrong.reason().inEnglish());
        assertEquals("„Jane.Example.com“ ist keine E-Mail-Adresse. Geben Sie eine wie jane@example.com an.",
                wrong.reason().in(java.util.Locale.GERMAN));
        String long_ = "x".repeat(300) + "@example.com";
        String shown = assertThrows(InvalidAccountException.class, () -> AccountRules.email(long_)).reason().inEnglish();
        assertEquals(true, shown.contains("x".repeat(80) + "…\"") && !shown.contains("x".repeat(81)), shown);
        assertEquals("Give an e-mail address such as jane@example.com.",
                assertThrows(InvalidAccountException.class, () -> AccountRules.email("  ")).reason().inEnglish());
    }

    @Test
    void passwordsAreLongEnoughAndNotTheUserName() {
        assertEquals("long enough", AccountRules.password("long enough", "jane"));
        assertThrows(InvalidAccountException.class, () -> AccountRules.password("short", "jane"));
        assertThrows(InvalidAccountException.class, () -> AccountRules.password("JaneDoe123", "janedoe123"));
        assertThrows(InvalidAccountException.class, () -> AccountRules.password("x".repeat(201), "jane"));
    }
}
