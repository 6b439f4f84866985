package io.tenantry.tenancy;

import java.io.IOException;
import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tenantry.platform.Meters;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Times every request and counts it by tenant and outcome ({@code tenantry_requests_seconds}): wraps
 * {@link TenantFilter} (web.xml orders it just before), so that once the request is answered the
 * tenant it was served for is known; the tag is {@link TenantTags}' (bounded), {@link TenantTags#NONE}
 * when no tenant served it. The outcome is the status class: {@code 2xx} to {@code 5xx}; an exception
 * that escapes is a {@code 5xx}.
 */
public class RequestMetrics extends HttpFilter {

    /** Upper bounds of the latency buckets: enough for quantiles and SLOs, few enough per tenant. */
    private static final Duration[] BUCKETS = {Duration.ofMillis(25), Duration.ofMillis(100), Duration.ofMillis(250),
        Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(10)};

    @Inject
    Meters meters;

    @Inject
    TenantTags tags;

    @Inject
    TenantContext context;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        long started = System.nanoTime();
        boolean escaped = true;
        try {
            chain.doFilter(request, response);
            escaped = false;
        } finally {
            String outcome = escaped ? "5xx" : Math.min(Math.max(response.getStatus() / 100, 1), 5) + "xx";
            String tenant = context.isEntered() ? tags.of(context.tenant()) : TenantTags.NONE;
            timer(meters.registry(), tenant, outcome).record(Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private static Timer timer(MeterRegistry registry, String tenant, String outcome) {
        return Timer.builder("tenantry.requests").description("Requests answered, by tenant and status class")
                .tag(TenantTags.TAG, tenant).tag("outcome", outcome).serviceLevelObjectives(BUCKETS)
                .register(registry);
    }
}
