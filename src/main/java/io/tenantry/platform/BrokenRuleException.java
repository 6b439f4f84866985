package io.tenantry.platform;

/** Input that breaks a rule of the domain (a name too long, a duplicate): answered with 400. */
public class BrokenRuleException extends IllegalArgumentException implements Explained {

    private final transient Reason reason;

    public BrokenRuleException(String key, Object... arguments) {
        this(Reason.of(key, arguments));
    }

    public BrokenRuleException(Reason reason) {
        super(reason.inEnglish());
        this.reason = reason;
    }

    @Override
    public Reason reason() {
        return reason;
    }
}
