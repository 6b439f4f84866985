package io.tenantry.platform;

import java.util.Optional;

/**
 * Input that breaks a rule of the domain (a name too long, a duplicate): answered with 400, naming
 * the field at fault when there is one so that forms and API clients can point at it.
 */
public class BrokenRuleException extends IllegalArgumentException implements Explained {

    private final transient Reason reason;
    private final String field;

    public BrokenRuleException(String key, Object... arguments) {
        this(null, Reason.of(key, arguments));
    }

    protected BrokenRuleException(String field, Reason reason) {
        super(reason.inEnglish());
        this.reason = reason;
        this.field = field;
    }

    /** A rule about one field of the input, such as "summary". */
    public static BrokenRuleException onField(String field, String key, Object... arguments) {
        return new BrokenRuleException(field, Reason.of(key, arguments));
    }

    @Override
    public Reason reason() {
        return reason;
    }

    public Optional<String> field() {
        return Optional.ofNullable(field);
    }
}
