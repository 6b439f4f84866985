package io.tenantry.accounts;

/** The user name or e-mail address belongs to another account. */
public class AccountConflictException extends RuntimeException {

    public AccountConflictException(String message) {
        super(message);
    }
}
