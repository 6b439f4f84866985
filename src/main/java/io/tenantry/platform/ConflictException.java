package io.tenantry.platform;

/**
 * The item is in a state that refuses this change now (a finished test run refuses new results
 * until it is re-opened): 409 in the API, a message on pages. Nothing was changed.
 */
public class ConflictException extends RefusedException {

    /** @param key a key of the reasons bundle saying what state refuses and how to leave it */
    public ConflictException(String key, Object... arguments) {
        super(key, arguments);
    }

    @Override
    public RefusalKind kind() {
        return RefusalKind.CONFLICT;
    }
}
