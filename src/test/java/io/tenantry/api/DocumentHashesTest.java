package io.tenantry.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Array;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Proxy;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import jakarta.json.JsonValue;

/**
 * Yasson, the server's JSON-B, takes the hash of every object it writes, on entering and on leaving it
 * (its check for reference cycles). So a record whose hash walked a list of records, or a JSON value,
 * had each of them hashed again for every level above it: for a page of products with their versions,
 * three times the document: about 5 % of Payara's samples in a profile of {@code bench/readpath.sh}'s
 * anonymous read. Every record of
 * the build that holds such a part must hash without it.
 */
class DocumentHashesTest {

    @Test
    void noRecordHashesTheRecordsOrJsonItHolds() {
        List<Class<?>> holders = recordsOfTheBuild().filter(DocumentHashesTest::holdsADeepPart).toList();
        assertTrue(holders.contains(PageJson.class), "found: " + holders);
        assertTrue(holders.size() >= 5, "found: " + holders);
        List<String> walking = holders.stream().filter(holder -> hashesWhatItHolds(instance(holder)))
                .map(Class::getName).toList();
        assertEquals(List.of(), walking, "records whose hash walks the records or JSON they hold");
    }

    @Test
    void equalDocumentsStillHashAlike() {
        PageJson<String> page = new PageJson<>(List.of("a", "b"), 7, 0, 2);
        assertEquals(page, new PageJson<>(List.of("a", "b"), 7, 0, 2));
        assertEquals(page.hashCode(), new PageJson<>(List.of("a", "b"), 7, 0, 2).hashCode());
    }

    private static boolean hashesWhatItHolds(Object document) {
        try {
            document.hashCode();
            return false;
        } catch (AssertionError hashed) {
            return true;
        }
    }

    private static Stream<Class<?>> recordsOfTheBuild() {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.tenantry").stream().<Class<?>>map(JavaClass::reflect).filter(Class::isRecord);
    }

    /** A component that is a JSON value, or a collection or map of records, JSON values or any type. */
    private static boolean holdsADeepPart(Class<?> record) {
        return Stream.of(record.getRecordComponents()).anyMatch(DocumentHashesTest::isDeep);
    }

    private static boolean isDeep(RecordComponent component) {
        if (JsonValue.class.isAssignableFrom(component.getType())) {
            return true;
        }
        if (!Collection.class.isAssignableFrom(component.getType()) && !Map.class.isAssignableFrom(component.getType())
                || !(component.getGenericType() instanceof ParameterizedType parameterized)) {
            return false;
        }
        for (Type argument : parameterized.getActualTypeArguments()) {
            if (argument instanceof TypeVariable<?> || argument instanceof Class<?> type
                    && (type.isRecord() || JsonValue.class.isAssignableFrom(type))) {
                return true;
            }
        }
        return false;
    }

    /** The record with each deep part one that refuses to be hashed, and plain values elsewhere. */
    private static Object instance(Class<?> record) {
        RecordComponent[] components = record.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = isDeep(components[i]) ? unhashable(types[i]) : plain(types[i]);
        }
        try {
            var constructor = record.getDeclaredConstructor(types);
            constructor.setAccessible(true);
            return constructor.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(record.getName(), e);
        }
    }

    private static Object unhashable(Class<?> type) {
        return Proxy.newProxyInstance(DocumentHashesTest.class.getClassLoader(), new Class<?>[] {type},
                (proxy, method, arguments) -> switch (method.getName()) {
                    case "hashCode" -> throw new AssertionError("hashed");
                    case "size" -> 1;
                    case "isEmpty" -> false;
                    case "equals" -> proxy == arguments[0];
                    default -> throw new AssertionError("read: " + method.getName());
                });
    }

    private static Object plain(Class<?> type) {
        if (type.isPrimitive()) {
            return Array.get(Array.newInstance(type, 1), 0);
        }
        if (type == String.class) {
            return "";
        }
        if (type.isRecord()) {
            return instance(type);
        }
        if (type == List.class || type == Collection.class) {
            return List.of();
        }
        if (type == Map.class) {
            return Map.of();
        }
        return null;
    }
}
