package io.tenantry.access;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * How many tenants one account may own without a super-user's help (TENANTS_PER_OWNER): a whole
 * number from 1, or {@code unlimited}. Unset: 1 when anyone may create tenants (TENANT_CREATION=anyone,
 * the default), unlimited when only accounts a super-user permitted may. Super-users are never limited.
 */
public record OwnerQuota(OptionalInt most) {

    static final String VARIABLE = "TENANTS_PER_OWNER";
    private static final int MOST = 100_000;

    /**
     * The configured quota; {@code creation} is TENANT_CREATION's value. Anything but {@code unlimited}
     * or a whole number from 1 to 100000 fails with an {@link IllegalStateException} naming the variable.
     */
    public static OwnerQuota of(Optional<String> configured, String creation) {
        Optional<String> text = configured.map(String::strip).filter(value -> !value.isEmpty());
        if (text.isEmpty()) {
            return "anyone".equals(creation) ? new OwnerQuota(OptionalInt.of(1)) : new OwnerQuota(OptionalInt.empty());
        }
        if ("unlimited".equals(text.get())) {
            return new OwnerQuota(OptionalInt.empty());
        }
        if (!text.get().matches("[0-9]{1,6}") || Integer.parseInt(text.get()) < 1
                || Integer.parseInt(text.get()) > MOST) {
            throw new IllegalStateException(VARIABLE + " '" + configured.get() + "' is neither a whole number of"
                    + " tenants from 1 to " + MOST + " nor 'unlimited'. Leave it unset (1 when TENANT_CREATION=anyone),"
                    + " or set, for example, " + VARIABLE + "=3.");
        }
        return new OwnerQuota(OptionalInt.of(Integer.parseInt(text.get())));
    }

    /** Whether an account owning {@code owned} tenants may own one more. */
    public boolean allowsOneMore(long owned) {
        return most.isEmpty() || owned < most.getAsInt();
    }

    /** For the start-up log. */
    @Override
    public String toString() {
        return "tenants an account may own: " + (most.isEmpty() ? "unlimited" : String.valueOf(most.getAsInt()));
    }
}
