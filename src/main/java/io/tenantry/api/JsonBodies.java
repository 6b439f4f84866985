package io.tenantry.api;

import static io.tenantry.platform.JsonProviderOnce.JSON;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.tenantry.platform.BodyTooLargeException;
import io.tenantry.platform.PlainText;
import io.tenantry.platform.StoredYears;
import io.tenantry.platform.Reason;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;

/**
 * Reads every JSON request body of the API into its input record, checking each field against its
 * declared type on the way: malformed JSON, a value of the wrong type, a number beyond the field's
 * range, a date without an offset or outside the years 1–9999 (PostgreSQL's range, and an ISO
 * year; a moment's year as stored, in UTC: {@link StoredYears}), and text holding NUL or another control character ({@link PlainText}) are refused
 * together, by field, as a {@link MalformedBodyException} (400), before any service sees them.
 * Fields the record does not have are ignored; a field absent or null is null (zero or false for
 * a primitive). A body that is empty or {@code null} reads as null, which the resource refuses.
 */
@Provider
@Consumes({MediaType.APPLICATION_JSON, "application/*+json"})
public class JsonBodies implements MessageBodyReader<Record> {

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type.isRecord() && type.getPackageName().startsWith("io.tenantry");
    }

    @Override
    public Record readFrom(Class<Record> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, String> headers, InputStream entity) throws IOException {
        JsonObject object = object(entity);
        return object == null ? null : read(object, type);
    }

    /**
     * The body as a JSON object, null when it is empty or {@code null}; anything else refused as
     * {@link MalformedBodyException} (400).
     */
    static JsonObject object(InputStream entity) throws IOException {
        JsonValue body = parse(entity);
        if (body == null || body.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (body.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new MalformedBodyException(Map.of("body", Reason.of("json.notObject")));
        }
        return body.asJsonObject();
    }

    /**
     * Reads a JSON object into the record {@code type}, with the checks above; a refused field
     * throws {@link MalformedBodyException} (400) naming it.
     */
    public static <T extends Record> T read(JsonObject object, Class<T> type) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        Map<String, Reason> errors = new LinkedHashMap<>();
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            String name = component.getName();
            try {
                values[i] = value(name, component.getGenericType(), object.get(name));
            } catch (Refusal refusal) {
                errors.put(name, refusal.reason);
            }
        }
        if (!errors.isEmpty()) {
            throw new MalformedBodyException(errors);
        }
        return construct(type, components, values);
    }

    private static JsonValue parse(InputStream entity) throws IOException {
        PushbackInputStream stream = new PushbackInputStream(entity, 1);
        int first = stream.read();
        if (first < 0) {
            return null;
        }
        stream.unread(first);
        try (JsonReader reader = JSON.createReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            return reader.readValue();
        } catch (JsonParsingException e) {
            rethrowIfTooLarge(e);
            var at = e.getLocation();
            throw new MalformedBodyException(Map.of("body", at == null ? Reason.of("json.malformed.nowhere")
                    : Reason.of("json.malformed", at.getLineNumber(), at.getColumnNumber())));
        } catch (JsonException e) {
            rethrowIfTooLarge(e);
            // Not JSON at all (bytes that are not UTF-8, a lone value that is not JSON's).
            throw new MalformedBodyException(Map.of("body", Reason.of("json.malformed.nowhere")));
        } catch (RuntimeException e) {
            // What the parser will not read (a number of thousands of digits, nesting a thousand deep).
            throw new MalformedBodyException(Map.of("body", Reason.of("json.malformed.nowhere")));
        }
    }

    /** The parser wraps what the body's stream threw: a body over its limit is 413, not bad JSON. */
    private static void rethrowIfTooLarge(JsonException e) throws BodyTooLargeException {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyTooLargeException tooLarge) {
                throw tooLarge;
            }
        }
    }

    private static Object value(String field, Type type, JsonValue json) throws Refusal {
        Class<?> raw = rawClass(type);
        if (json == null || json.getValueType() == JsonValue.ValueType.NULL) {
            return absent(raw);
        }
        if (raw == String.class) {
            String text = text(field, json, "json.text");
            if (!PlainText.is(text)) {
                throw new Refusal(Reason.of("text.control", field));
            }
            return text;
        }
        if (raw == Long.class || raw == long.class) {
            return wholeNumber(field, json, Long.MIN_VALUE, Long.MAX_VALUE).longValueExact();
        }
        if (raw == Integer.class || raw == int.class) {
            return wholeNumber(field, json, Integer.MIN_VALUE, Integer.MAX_VALUE).intValueExact();
        }
        if (raw == Boolean.class || raw == boolean.class) {
            if (json.getValueType() == JsonValue.ValueType.TRUE || json.getValueType() == JsonValue.ValueType.FALSE) {
                return json.getValueType() == JsonValue.ValueType.TRUE;
            }
            throw new Refusal(Reason.of("json.boolean", field));
        }
        if (raw.isEnum()) {
            return constant(field, raw, text(field, json, "json.text"));
        }
        if (raw == OffsetDateTime.class || raw == Instant.class) {
            OffsetDateTime moment = moment(field, text(field, json, "json.dateTime"));
            return raw == Instant.class ? moment.toInstant() : moment;
        }
        if (raw == LocalDate.class) {
            return date(field, text(field, json, "json.date"));
        }
        if (raw == List.class || raw == Set.class) {
            return collection(field, type, raw, json);
        }
        throw new IllegalStateException("An input field of a type the API cannot read: " + field + " " + type);
    }

    private static Object absent(Class<?> raw) {
        if (raw == long.class) {
            return 0L;
        }
        if (raw == int.class) {
            return 0;
        }
        if (raw == boolean.class) {
            return false;
        }
        return null;
    }

    private static String text(String field, JsonValue json, String key) throws Refusal {
        if (json instanceof JsonString string) {
            return string.getString();
        }
        throw new Refusal(Reason.of(key, field));
    }

    private static BigDecimal wholeNumber(String field, JsonValue json, long min, long max) throws Refusal {
        if (json instanceof JsonNumber number) {
            BigDecimal value = number.bigDecimalValue();
            if (value.stripTrailingZeros().scale() <= 0 && value.compareTo(BigDecimal.valueOf(min)) >= 0
                    && value.compareTo(BigDecimal.valueOf(max)) <= 0) {
                return value.setScale(0);
            }
        }
        throw new Refusal(Reason.of("json.wholeNumber", field, min, max));
    }

    private static Object constant(String field, Class<?> type, String text) throws Refusal {
        for (Object constant : type.getEnumConstants()) {
            if (((Enum<?>) constant).name().equals(text.strip().toUpperCase(Locale.ROOT))) {
                return constant;
            }
        }
        throw new Refusal(Reason.of("json.oneOf", field, String.join(", ",
                Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList())));
    }

    private static OffsetDateTime moment(String field, String text) throws Refusal {
        try {
            OffsetDateTime moment = OffsetDateTime.parse(text.strip(), DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            if (StoredYears.hold(moment)) {
                return moment;
            }
        } catch (DateTimeParseException e) {
            // refused below, with an example
        }
        throw new Refusal(Reason.of("json.dateTime", field, StoredYears.FIRST, StoredYears.LAST));
    }

    private static LocalDate date(String field, String text) throws Refusal {
        try {
            LocalDate date = LocalDate.parse(text.strip(), DateTimeFormatter.ISO_LOCAL_DATE);
            if (StoredYears.hold(date)) {
                return date;
            }
        } catch (DateTimeParseException e) {
            // refused below, with an example
        }
        throw new Refusal(Reason.of("json.date", field, StoredYears.FIRST, StoredYears.LAST));
    }

    private static Collection<Object> collection(String field, Type type, Class<?> raw, JsonValue json) throws Refusal {
        if (json.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new Refusal(Reason.of("json.list", field));
        }
        Type element = ((ParameterizedType) type).getActualTypeArguments()[0];
        Collection<Object> items = raw == Set.class ? new LinkedHashSet<>() : new ArrayList<>();
        for (JsonValue item : json.asJsonArray()) {
            if (item.getValueType() == JsonValue.ValueType.NULL) {
                throw new Refusal(Reason.of("json.list", field));
            }
            items.add(value(field, element, item));
        }
        return items;
    }

    private static Class<?> rawClass(Type type) {
        return type instanceof ParameterizedType parameterized ? (Class<?>) parameterized.getRawType() : (Class<?>) type;
    }

    private static <T extends Record> T construct(Class<T> type, RecordComponent[] components, Object[] values) {
        try {
            Constructor<T> canonical = type.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            canonical.setAccessible(true);
            return canonical.newInstance(values);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException refused) {
                throw refused; // a record that checks its own input
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot make a " + type.getName(), e);
        }
    }

    /** One field's value refused, with why. */
    private static final class Refusal extends Exception {

        private final transient Reason reason;

        Refusal(Reason reason) {
            super(null, null, false, false);
            this.reason = reason;
        }
    }
}
