package io.tenantry.accounts;

/** The caller is known but may not do this. */
public class NotPermittedException extends RuntimeException {

    public NotPermittedException(String message) {
        super(message);
    }
}
