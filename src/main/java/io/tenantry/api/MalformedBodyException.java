package io.tenantry.api;

import java.util.Map;

import io.tenantry.platform.BrokenRuleException;
import io.tenantry.platform.Reason;

/**
 * A JSON body that cannot be read as the item it stands for: each field at fault (the JSON name;
 * {@code body} for the body as a whole) with why. Answered 400 with {@code errors} by field.
 */
final class MalformedBodyException extends BrokenRuleException {

    private final transient Map<String, Reason> fields;

    MalformedBodyException(Map<String, Reason> fields) {
        super(fields.keySet().iterator().next(), fields.values().iterator().next());
        this.fields = Map.copyOf(fields);
    }

    /** The fields at fault, never empty. */
    Map<String, Reason> fields() {
        return fields;
    }
}
