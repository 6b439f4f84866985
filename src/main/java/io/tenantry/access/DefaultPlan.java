package io.tenantry.access;

import java.util.Optional;

/**
 * The name of the subscription plan tenants get when created (TENANTS_DEFAULT_PLAN, {@code Standard}
 * unless set); the plan itself is a platform record ({@link SubscriptionPlans}), which public
 * migration V4_10 makes, unlimited, when none of that name exists.
 */
public record DefaultPlan(String name) {

    static final String VARIABLE = "TENANTS_DEFAULT_PLAN";
    private static final String DEFAULT_NAME = "Standard";
    private static final int MOST_CHARACTERS = 100;

    /** The configured name (unset or blank: Standard); longer than a plan's name may be: {@link IllegalStateException} naming the variable. */
    public static DefaultPlan of(Optional<String> configured) {
        String name = configured.map(String::strip).filter(value -> !value.isEmpty()).orElse(DEFAULT_NAME);
        if (name.length() > MOST_CHARACTERS) {
            throw new IllegalStateException(VARIABLE + " is " + name.length() + " characters long; a plan's name has"
                    + " at most " + MOST_CHARACTERS + ". Set it to the name of a plan of platform administration,"
                    + " for example " + VARIABLE + "=" + DEFAULT_NAME + ".");
        }
        return new DefaultPlan(name);
    }

    /** For the start-up log. */
    @Override
    public String toString() {
        return "new tenants' plan: " + name;
    }
}
