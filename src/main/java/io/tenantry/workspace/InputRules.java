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

    /**
     * The text without surrounding blanks; refused on {@code field} when blank or longer than
     * {@code maxLength} characters.
     */
    public static String required(String field, String value, int maxLength) {
        String text = optional(field, value, maxLength);
        if (text.isEmpty()) {
            throw BrokenRuleException.onField(field, "field.empty", name(field));
        }
        return text;
    }

    /**
     * The text without surrounding blanks, empty when absent; refused on {@code field} when longer
     * than {@code maxLength} characters.
     */
    public static String optional(String field, String value, int maxLength) {
        String text = value == null ? "" : value.strip();
        if (text.length() > maxLength) {
            throw BrokenRuleException.onField(field, "field.tooLong", name(field), maxLength, text.length());
        }
        return text;
    }

    /** The value, {@code absent} when null; refused on {@code field} outside {@code min..max} (both included). */
    public static int between(String field, Integer value, int min, int max, int absent) {
        if (value == null) {
            return absent;
        }
        if (value < min || value > max) {
            throw BrokenRuleException.onField(field, "field.range", name(field), min, max);
        }
        return value;
    }

    /**
     * The constant of {@code type} named {@code value} (in any case), {@code absent} when blank;
     * refused on {@code field}, naming the constants, otherwise.
     */
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
