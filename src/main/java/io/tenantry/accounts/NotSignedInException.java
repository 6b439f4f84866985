package io.tenantry.accounts;

/** The action needs a signed-in caller and there is none. */
public class NotSignedInException extends RuntimeException {

    public NotSignedInException() {
        super("Sign in first: this action needs an account.");
    }
}
