package io.tenantry.api;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.media.Schema;

import io.tenantry.platform.ListQuery;
import jakarta.json.JsonObject;

/**
 * The JSON schema of each Java type the API reads or answers, as JSON-B writes it: a record is an
 * object of its components (named in {@link #components()} by its simple name, or the name its
 * {@code @Schema(name)} gives; two records of one name are refused, as one would hide the other), a
 * {@link PageJson} of T the window of a list of T, times strings in ISO 8601. A component that is not
 * a primitive may be left out of an answer (JSON-B writes no nulls), so only primitives are required.
 */
final class ApiSchemas {

    private static final MethodHandle SET_TYPE = typeSetter();

    private final Map<String, Schema> components = new TreeMap<>();
    private final Map<String, Class<?>> named = new TreeMap<>();

    /** The schemas of the records met so far, by name. */
    Map<String, Schema> components() {
        return components;
    }

    /** The schema of {@code type}; a record's is a reference to its component, made on first meeting it. */
    Schema of(Type type) {
        if (type instanceof ParameterizedType generic) {
            Class<?> raw = (Class<?>) generic.getRawType();
            Type[] arguments = generic.getActualTypeArguments();
            if (raw == PageJson.class) {
                return page(of(arguments[0]));
            }
            if (Collection.class.isAssignableFrom(raw)) {
                return typed(Schema.SchemaType.ARRAY).items(of(arguments[0]));
            }
            if (Map.class.isAssignableFrom(raw)) {
                return typed(Schema.SchemaType.OBJECT).additionalPropertiesSchema(of(arguments[1]));
            }
            return of(raw);
        }
        return of((Class<?>) type);
    }

    private Schema of(Class<?> type) {
        if (type == String.class || type == char.class || type == Character.class) {
            return simple(Schema.SchemaType.STRING, null);
        }
        if (type == long.class || type == Long.class) {
            return simple(Schema.SchemaType.INTEGER, "int64");
        }
        if (type == int.class || type == Integer.class || type == short.class || type == Short.class) {
            return simple(Schema.SchemaType.INTEGER, "int32");
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class
                || type == BigDecimal.class) {
            return simple(Schema.SchemaType.NUMBER, null);
        }
        if (type == boolean.class || type == Boolean.class) {
            return simple(Schema.SchemaType.BOOLEAN, null);
        }
        if (type == OffsetDateTime.class || type == Instant.class) {
            return simple(Schema.SchemaType.STRING, "date-time");
        }
        if (type == LocalDate.class) {
            return simple(Schema.SchemaType.STRING, "date");
        }
        if (type.isEnum()) {
            return simple(Schema.SchemaType.STRING, null).enumeration(Arrays.stream(type.getEnumConstants())
                    .map(constant -> (Object) ((Enum<?>) constant).name()).toList());
        }
        if (type == JsonObject.class) {
            return simple(Schema.SchemaType.OBJECT, null);
        }
        if (type.isRecord()) {
            return OASFactory.createSchema().ref(component(type));
        }
        throw new IllegalStateException("The API document has no schema for " + type.getName()
                + ": answer a record, a list, text, a number, a time or a constant.");
    }

    private String component(Class<?> record) {
        org.eclipse.microprofile.openapi.annotations.media.Schema given = record.getAnnotation(
                org.eclipse.microprofile.openapi.annotations.media.Schema.class);
        String name = given != null && !given.name().isEmpty() ? given.name() : record.getSimpleName();
        Class<?> known = named.putIfAbsent(name, record);
        if (known != null && known != record) {
            throw new IllegalStateException("Two records are called " + name + " in the API document: "
                    + known.getName() + " and " + record.getName() + "; give one @Schema(name = ...).");
        }
        if (known == null) {
            Schema object = typed(Schema.SchemaType.OBJECT);
            components.put(name, object);
            for (RecordComponent field : record.getRecordComponents()) {
                object.addProperty(field.getName(), of(field.getGenericType()));
                if (field.getType().isPrimitive()) {
                    object.addRequired(field.getName());
                }
            }
        }
        return name;
    }

    /** The window of a list of {@code item}: {@code items}, {@code total}, {@code offset}, {@code limit}. */
    static Schema page(Schema item) {
        return typed(Schema.SchemaType.OBJECT)
                .addProperty("items", typed(Schema.SchemaType.ARRAY).items(item))
                .addProperty("total", simple(Schema.SchemaType.INTEGER, "int64")
                        .description("How many items the whole list has."))
                .addProperty("offset", simple(Schema.SchemaType.INTEGER, "int32"))
                .addProperty("limit", simple(Schema.SchemaType.INTEGER, "int32")
                        .maximum(BigDecimal.valueOf(ListQuery.MAX_LIMIT)))
                .required(List.of("items", "total", "offset", "limit"));
    }

    /**
     * A new schema of one type. MicroProfile OpenAPI 4 (WildFly 39) replaced 3.1's {@code type(SchemaType)}
     * (Payara 6) with {@code addType(SchemaType)}, as a schema of OpenAPI 3.1 may have several types; the WAR
     * is built against 3.1 and calls whichever the server's API has.
     */
    static Schema typed(Schema.SchemaType type) {
        try {
            return (Schema) SET_TYPE.invoke(OASFactory.createSchema(), type);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static MethodHandle typeSetter() {
        MethodType setter = MethodType.methodType(Schema.class, Schema.SchemaType.class);
        try {
            return MethodHandles.publicLookup().findVirtual(Schema.class, "addType", setter);
        } catch (NoSuchMethodException openApi31) {
            try {
                return MethodHandles.publicLookup().findVirtual(Schema.class, "type", setter);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("MicroProfile OpenAPI's Schema has neither addType nor type(SchemaType)", e);
            }
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    static Schema simple(Schema.SchemaType type, String format) {
        Schema schema = typed(type);
        return format == null ? schema : schema.format(format);
    }
}
