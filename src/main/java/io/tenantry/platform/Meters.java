package io.tenantry.platform;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The one registry every module records its metrics in (Micrometer, carried in the WAR, so it works
 * alike on any Jakarta EE server), written out as Prometheus text for {@code metrics.MetricsEndpoint}
 * only. Tags that name a tenant come from {@code tenancy.TenantTags}, which bounds them.
 */
@ApplicationScoped
public class Meters {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    /** Where to register and find meters. */
    public MeterRegistry registry() {
        return registry;
    }

    /** Every meter, in the Prometheus text format (version 0.0.4). */
    public String scrape() {
        return registry.scrape();
    }
}
