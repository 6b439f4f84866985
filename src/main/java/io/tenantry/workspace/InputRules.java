package io.tenantry.workspace;

import java.util.Arrays;
import java.util.Locale;

import io.tenantry.platform.BrokenRuleException;
import io.tenantry.platform.Reason;

/**
 * The checks every workspace field goes through, each refusal naming its field (the JSON name, and
 * {@code field.<name>} in the reasons bundle for people).
 */
public final class InputRules {

    private InputRules() {
    }

    public static String required(String field, String value, int maxLength) {
        String text = optional(field, value, maxLength);
        if (text.isEmpty()) {
            throw BrokenRuleException.onField(field, "field.empty", name(field));
        }
        return text;
    }

    /** Surrounding blanks dropped; absent is empty. */
    public static String optional(String field, String value, int maxLength) {
        String text = value == null ? "" : value.strip();
        if (text.length() > maxLength) {
            throw BrokenRuleException.onField(field, "field.tooLong", name(field), maxLength, text.length());
        }
        return text;
    }

    public static int between(String field, Integer value, int min, int max, int absent) {
        if (value == null) {
            return absent;
        }
        if (value < min || value > max) {
            throw BrokenRuleException.onField(field, "field.range", name(field), min, max);
        }
        return value;
    }

    public static <E extends Enum<E>> E oneOf(String field, String value, Class<E> type, E absent) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw BrokenRuleException.onField(field, "field.oneOf", name(field), value,
                    String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()));
        }
    }

    private static Reason name(String field) {
        return Reason.of("field." + field);
    }
}
