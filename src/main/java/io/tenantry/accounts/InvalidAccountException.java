package io.tenantry.accounts;

/** Input about an account that breaks a rule; names the field so forms and API clients can point at it. */
public class InvalidAccountException extends IllegalArgumentException {

    private final String field;

    public InvalidAccountException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
