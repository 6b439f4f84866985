package io.tenantry.platform;

import java.time.Duration;
import java.util.Optional;

/**
 * A refusal with words for people. Its subclass says which {@link RefusalKind} it is (a rule broken,
 * 400, unless it says otherwise), and so its status in the API and on pages.
 */
public abstract class RefusedException extends RuntimeException implements Explained {

    private final transient Reason reason;

    protected RefusedException(String key, Object... arguments) {
        this(Reason.of(key, arguments));
    }

    protected RefusedException(Reason reason) {
        super(reason.inEnglish());
        this.reason = reason;
    }

    @Override
    public Reason reason() {
        return reason;
    }

    /** Which kind of refusal this is; {@link RefusalKind#INVALID} unless the subclass says otherwise. */
    public RefusalKind kind() {
        return RefusalKind.INVALID;
    }

    /** How long the caller should wait before trying again, when the refusal says (a 429's Retry-After). */
    public Optional<Duration> retryAfter() {
        return Optional.empty();
    }
}
