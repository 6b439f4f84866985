package io.tenantry.audit;

import static io.tenantry.platform.JsonProviderOnce.JSON;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

/**
 * The values before and after a change as a small JSON object: an empty {@link Optional} or null is
 * JSON null, numbers and truths stay what they are, collections become arrays, anything else its
 * text (an {@link Instant} in ISO-8601 UTC). Text is cut at {@value #MAX_TEXT} characters: the trail
 * tells what changed, it does not keep bodies.
 */
final class AuditValues {

    static final int MAX_TEXT = 500;

    private AuditValues() {
    }

    static JsonObject json(Map<String, Object> values) {
        JsonObjectBuilder object = JSON.createObjectBuilder();
        values.forEach((name, value) -> object.add(name, value(value)));
        return object.build();
    }

    private static JsonValue value(Object value) {
        Object plain = value instanceof Optional<?> optional ? optional.orElse(null) : value;
        if (plain == null) {
            return JsonValue.NULL;
        }
        if (plain instanceof Boolean truth) {
            return truth ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (plain instanceof Integer || plain instanceof Long) {
            return JSON.createValue(((Number) plain).longValue());
        }
        if (plain instanceof Map<?, ?> named) {
            JsonObjectBuilder object = JSON.createObjectBuilder();
            named.forEach((name, item) -> object.add(String.valueOf(name), value(item)));
            return object.build();
        }
        if (plain instanceof Collection<?> items) {
            JsonArrayBuilder array = JSON.createArrayBuilder();
            items.forEach(item -> array.add(value(item)));
            return array.build();
        }
        String text = plain.toString().replace("\u0000", ""); // jsonb holds no NUL
        return JSON.createValue(text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) + "…" : text);
    }
}
