package io.tenantry.platform;

import java.util.Optional;

/**
 * A setting that is a whole number within bounds (README's table): unset or blank gives its
 * default; anything else fails the deployment with one message that names the variable, the bounds,
 * an example and the default.
 */
public final class WholeNumberSetting {

    private WholeNumberSetting() {
    }

    /**
     * @param variable the environment variable, as the message names it (AUDIT_RETENTION_DAYS)
     * @param configured what MicroProfile Config read for it, if anything
     * @param unit what the number counts, for the message ("days", "MiB"); empty for a plain number
     * @param least the least value accepted
     * @param most the greatest value accepted
     * @param fallback the value when it is unset or blank
     * @param example a value the message offers to follow
     * @return the value
     * @throws IllegalStateException naming the variable when the text is not a whole number from
     *     {@code least} to {@code most}
     */
    public static long of(String variable, Optional<String> configured, String unit, long least, long most, long fallback,
            long example) {
        Optional<String> text = configured.map(String::strip).filter(value -> !value.isEmpty());
        if (text.isEmpty()) {
            return fallback;
        }
        if (text.get().matches("[0-9]{1,18}")) {
            long value = Long.parseLong(text.get());
            if (value >= least && value <= most) {
                return value;
            }
        }
        String counted = unit.isEmpty() ? "" : " " + unit;
        throw new IllegalStateException(variable + " is '" + configured.get() + "', not a whole number"
                + (unit.isEmpty() ? "" : " of" + counted) + " from " + least + " to " + most + ". Set it, for example "
                + variable + "=" + example + ", or leave it unset for " + fallback + counted + ".");
    }
}
