package io.tenantry.platform;

/**
 * A refusal of something too large to take (a file, an archive): answered 413 by the API and the
 * pages, whichever feature refused it, with words naming the limit.
 */
public abstract class TooLargeException extends RefusedException {

    protected TooLargeException(String key, Object... arguments) {
        super(key, arguments);
    }

    @Override
    public RefusalKind kind() {
        return RefusalKind.TOO_LARGE;
    }
}
