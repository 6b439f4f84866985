package io.tenantry.platform;

import java.util.Optional;

/**
 * Who may read {@code /metrics} besides super-users, and how many tenants it names.
 *
 * @param token METRICS_TOKEN: the bearer token a Prometheus scraper sends (empty: only super-users read)
 * @param tenants METRICS_TENANTS: how many of the busiest tenants get a tag of their own; the rest are {@code other}
 */
public record MetricsSettings(Optional<String> token, int tenants) {

    static final int DEFAULT_TENANTS = 50;
    private static final int MOST_TENANTS = 10_000;
    private static final int SHORTEST_TOKEN = 16;

    /**
     * The settings as configured: a token of fewer than 16 characters or with spaces, or a number of
     * tenants that is not a whole number from 0 to 10000, fails with an {@link IllegalStateException}
     * naming the variable.
     */
    public static MetricsSettings of(Optional<String> token, Optional<String> tenants) {
        Optional<String> secret = token.map(String::strip).filter(value -> !value.isEmpty());
        if (secret.filter(value -> value.length() < SHORTEST_TOKEN || !value.matches("\\S+")).isPresent()) {
            throw new IllegalStateException("METRICS_TOKEN is too weak: give at least " + SHORTEST_TOKEN
                    + " characters without spaces, for example METRICS_TOKEN=$(openssl rand -hex 24), or leave it"
                    + " unset so that only super-users read /metrics.");
        }
        return new MetricsSettings(secret, (int) WholeNumberSetting.of("METRICS_TENANTS", tenants, "", 0, MOST_TENANTS,
                DEFAULT_TENANTS, 100));
    }

    /** For the start-up log; never the token itself. */
    @Override
    public String toString() {
        return "metrics name the " + tenants + " busiest tenants and are read by super-users"
                + (token.isPresent() ? " and the bearer of METRICS_TOKEN" : "");
    }
}
