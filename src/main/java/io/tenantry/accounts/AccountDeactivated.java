package io.tenantry.accounts;

/**
 * An account was deactivated: fired synchronously inside the transaction that deactivates it, so
 * each module ends what the account held there (memberships, groups) in the same transaction, and
 * an observer's failure rolls the deactivation back with it.
 *
 * @param accountId the account's id
 * @param username its user name, for the log
 */
public record AccountDeactivated(long accountId, String username) {
}
