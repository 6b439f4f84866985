package io.tenantry.platform;

/** A refusal with words for people: its status in the API and pages is chosen by its subclass. */
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
}
