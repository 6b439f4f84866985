package io.tenantry.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.Temporal;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import jakarta.persistence.Entity;

/**
 * Items are stamped with {@link StoredTime} by the constructor that makes a new one. The JPA provider
 * builds every row it reads with the entity's no-argument constructor, so a stamp there read the clock
 * (and the JVM's time zone, copied on each call) for every row of every list, to be overwritten at once.
 */
class StoredTimeTest {

    @Test
    void anEntityBuiltForARowReadReadsNoClock() throws ReflectiveOperationException {
        List<Class<?>> entities = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.tenantry").stream().filter(type -> type.isAnnotatedWith(Entity.class))
                .<Class<?>>map(JavaClass::reflect).toList();
        assertTrue(entities.size() >= 10, "found: " + entities);
        for (Class<?> entity : entities) {
            var forRows = entity.getDeclaredConstructor();
            forRows.setAccessible(true);
            Object row = forRows.newInstance();
            for (Field field : entity.getDeclaredFields()) {
                if (Temporal.class.isAssignableFrom(field.getType()) && !Modifier.isStatic(field.getModifiers())) {
                    field.setAccessible(true);
                    assertNull(field.get(row), entity.getSimpleName() + "." + field.getName() + " is stamped for a row read");
                }
            }
        }
    }

    @Test
    void nowIsCutToTheMicrosecondAsTheColumnKeepsIt() {
        OffsetDateTime now = StoredTime.now();
        assertEquals(now, now.truncatedTo(ChronoUnit.MICROS));
    }
}
