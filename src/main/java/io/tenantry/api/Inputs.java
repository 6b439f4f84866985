package io.tenantry.api;

import io.tenantry.platform.BrokenRuleException;

/** A request body that must be there. */
public final class Inputs {

    private Inputs() {
    }

    /** The body itself; BrokenRuleException {@code body.missing} (400) when none was sent. */
    public static <T> T require(T input) {
        if (input == null) {
            throw new BrokenRuleException("body.missing");
        }
        return input;
    }
}
