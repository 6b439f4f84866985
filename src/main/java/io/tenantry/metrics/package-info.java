/**
 * Metrics for the platform's operators: {@code /metrics} in the Prometheus text format, on the
 * master tenant's host only, to super-users and the bearer of METRICS_TOKEN ({@link
 * io.tenantry.metrics.MetricsReaders}). The modules record their own meters in {@code
 * platform.Meters}; this package adds what is counted at each scrape (tenants by state, database
 * connections) and serves them.
 */
package io.tenantry.metrics;
