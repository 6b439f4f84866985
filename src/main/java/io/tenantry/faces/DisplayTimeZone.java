package io.tenantry.faces;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The time zone pages show times in until the browser has said its own (DISPLAY_TIME_ZONE, an IANA
 * name such as {@code Europe/Berlin}; unset: UTC). See {@link ReadersClock}.
 */
public record DisplayTimeZone(ZoneId zone) {

    static final String VARIABLE = "DISPLAY_TIME_ZONE";

    /** The configured zone (unset or blank: UTC); an unknown name fails with an {@link IllegalStateException} naming the variable. */
    public static DisplayTimeZone of(Optional<String> configured) {
        Optional<String> name = configured.map(String::strip).filter(value -> !value.isEmpty());
        if (name.isEmpty()) {
            return new DisplayTimeZone(ZoneId.of("UTC"));
        }
        try {
            return new DisplayTimeZone(ZoneId.of(name.get()));
        } catch (DateTimeException unknown) {
            throw new IllegalStateException(VARIABLE + " '" + configured.get() + "' is not a time zone. Set an IANA "
                    + "name, for example " + VARIABLE + "=Europe/Berlin, or leave it unset for UTC.", unknown);
        }
    }

    /** For the start-up log. */
    @Override
    public String toString() {
        return "times shown in " + zone.getId() + " until a browser tells its own";
    }
}
