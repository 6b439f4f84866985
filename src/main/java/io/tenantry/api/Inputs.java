package io.tenantry.api;

import io.tenantry.platform.BrokenRuleException;

/** A request body that must be there. */
final class Inputs {

    private Inputs() {
    }

    static <T> T require(T input) {
        if (input == null) {
            throw new BrokenRuleException("body.missing");
        }
        return input;
    }
}
