package io.tenantry.access;

import java.util.Locale;

import io.tenantry.platform.BrokenRuleException;

/**
 * A subscription plan as typed, on the platform page or in the API: checked here, so that both share
 * the rules. {@code maxMembers} null: no member limit; {@code priceCents} in the currency's cents.
 */
public record PlanInput(String name, String description, int priceCents, String currency, Integer maxMembers) {

    public PlanInput {
        name = name == null ? "" : name.strip();
        description = description == null ? "" : description.strip();
        currency = currency == null || currency.isBlank() ? "EUR" : currency.strip().toUpperCase(Locale.ROOT);
        if (name.isEmpty() || name.length() > 100) {
            throw new BrokenRuleException("plan.nameLength", 100);
        }
        if (priceCents < 0) {
            throw new BrokenRuleException("plan.negativePrice");
        }
        if (!currency.matches("[A-Z]{3}")) {
            throw new BrokenRuleException("plan.currency");
        }
        if (maxMembers != null && maxMembers < 1) {
            throw new BrokenRuleException("plan.memberLimit");
        }
    }
}
