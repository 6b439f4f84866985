package io.tenantry.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.tenantry.tenancy.Audited;

/**
 * What the platform's trail keeps of a failed sign-in: never the text typed as a name when it is no
 * account's (people type their password there), only the account's user name when it is one.
 */
class FailedSignInEntryTest {

    @Test
    void aNameThatIsNoAccountsIsNotKept() {
        Audited entry = PasswordSignIn.failure(Optional.empty());
        assertEquals("signin.failed", entry.action());
        assertEquals("", entry.subject());
        assertEquals(Optional.of("anonymous"), entry.actor());
        assertTrue(entry.tenant().isEmpty(), "the platform's trail only");
        assertTrue(entry.standalone());
    }

    @Test
    void anAccountNamedIsKeptByItsUserName() {
        Audited entry = PasswordSignIn.failure(Optional.of("alice"));
        assertEquals("alice", entry.subject());
        assertEquals(Optional.of("alice"), entry.actor());
        assertTrue(entry.tenant().isEmpty());
    }
}
