package io.tenantry.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

/**
 * A test class that runs in the Payara suite only (mvn verify), not on WildFly (mvn -Pwildfly, whose
 * failsafe leaves out the tag {@code payara-only}); {@link #value} says why. Such a class starts Payara
 * Micro processes of its own ({@link PayaraProcess}, {@link TestServers}) for settings or instances
 * that the one shared server cannot have.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("payara-only")
public @interface PayaraOnly {

    /** Why the class cannot run against the run's one WildFly. */
    String value();
}
