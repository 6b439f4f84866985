package io.tenantry.tenancy;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import io.tenantry.platform.Database;
import io.tenantry.platform.PlatformStatus;
import io.tenantry.platform.ProblemResponse;
import io.tenantry.platform.Reason;
import io.tenantry.platform.Refused;
import io.tenantry.platform.RequestPath;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The first step of every request: Host header to tenant, into {@link TenantContext}. Hosts that
 * name no tenant get 404 (the refusal page for people), and so do tenants being deleted (out of service from the moment their
 * deletion begins). A request for a tenant whose schema is behind the code has its upgrade done first
 * and waits for it ({@link UpgradeOnRequest}, at most {@value #UPGRADE_PATIENCE_SECONDS} s). A request
 * that cannot wait, or whose tenant's upgrade failed (no wait: its back-off decides), gets 503 saying
 * where the upgrade stands (waiting, running, or failed: with the reason and the next attempt only to
 * those {@link UpgradeFailureAudience} admits, as the reason may quote a row); a stranger to a private
 * tenant ({@link RestoreAudience}) goes on to the refusal the tenant at rest gives him instead, its schema
 * withheld ({@link TenantContext#schemaWithheld()}). A tenant being
 * restored on any instance ({@link TenantRestores}) gets 503 until its restore ends, told only to those
 * {@link RestoreAudience} admits (a stranger to a private tenant gets its usual refusal). Requests
 * let in are counted in {@link TenantRequests} while they run, so a deletion can wait for them.
 * {@code www.<domain>} is moved (301) to the public host. Health
 * and OpenAPI belong to no tenant and answer on any host, as load balancers call them by IP; metrics
 * are found like any page, as they answer only on the master tenant's host ({@code metrics.MetricsEndpoint}).
 * Declared in web.xml, where it is ordered before the access gate.
 */
public class TenantFilter extends HttpFilter {

    private static final List<String> OPERATIONAL = List.of("/health", "/openapi");
    /** The pages' stylesheets and scripts: the refusal page of a host that names no tenant needs them too. */
    private static final String PAGE_RESOURCES = "/jakarta.faces.resource/";
    private static final TenantLabel WWW = new TenantLabel("www");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    /**
     * How long a request waits for its tenant's upgrade: a replayed migration takes milliseconds, one
     * run by Flyway tens of them (bench/README.md); one that rewrites much data takes longer, and its
     * requests hear 503 as when no request waited.
     */
    static final long UPGRADE_PATIENCE_SECONDS = 5;

    @Inject
    TenantsDomain domain;

    @Inject
    TenantDirectory directory;

    @Inject
    TenantContext context;

    @Inject
    PlatformStatus status;

    @Inject
    UpgradeStates upgrades;

    @Inject
    TenantRequests requests;

    @Inject
    TenantUrls urls;

    @Inject
    UpgradeFailureAudience audience;

    @Inject
    UpgradeOnRequest upgradeOnRequest;

    @Inject
    TenantRestores restores;

    @Inject
    RestoreAudience restoreAudience;

    @Inject
    ConnectionLanes lanes;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (isOperational(RequestPath.of(request))) {
            chain.doFilter(request, response);
            return;
        }
        if (!status.isReady()) {
            response.setHeader("Retry-After", "5");
            ProblemResponse.send(request, response, 503, Reason.of("title.unavailable"),
                    Reason.of("platform.unavailable", status.problem()));
            return;
        }
        Optional<TenantLabel> label = domain.labelOf(request.getHeader("Host"));
        if (label.filter(WWW::equals).isPresent()) {
            // People type www. before any address; the label is reserved, so no tenant can be there.
            String query = request.getQueryString();
            response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
            response.setHeader("Location", urls.publicRoot(request) + request.getRequestURI()
                    + (query == null ? "" : "?" + query));
            return;
        }
        if (label.isEmpty()) {
            sendNoTenant(request, response, chain);
            return;
        }
        // Counted before the tenant is looked up: a deletion that marks it after this lookup sees the count.
        try (TenantRequests.InFlight counted = requests.enter(label.get())) {
            Optional<Tenant> tenant = directory.find(label.get()).filter(found -> !found.beingDeleted());
            if (tenant.isEmpty()) {
                sendNoTenant(request, response, chain);
                return;
            }
            serve(tenant.get(), request, response, chain);
        }
    }

    private void serve(Tenant found, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try (Database.PoolChoice lane = lanes.enter(found.schema())) {
            serveFromLane(found, request, response, chain);
        }
    }

    private void serveFromLane(Tenant found, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        context.enter(found);
        UpgradeState upgrade = upgrades.of(found);
        if (upgrade.phase() != UpgradeState.Phase.CURRENT && !restoreAudience.mayLearnOfRestore(found)) {
            // A stranger to a private tenant is refused further on as at rest (from the shared tables), so that a
            // 503 does not tell him that the tenant is behind the code; he neither has it upgraded nor reaches its schema.
            context.enterWithheld(found);
            chain.doFilter(request, response);
            return;
        }
        Optional<Tenant> current = upgraded(found, upgrade);
        if (current.isEmpty()) {
            if (directory.find(found.label()).filter(still -> !still.beingDeleted()).isEmpty()) {
                sendNoTenant(request, response, chain); // deleted while the request waited
                return;
            }
            refuseUntilUpgraded(request, response, found, upgrades.of(found));
            return;
        }
        Tenant tenant = current.get();
        context.follow(tenant); // the same, or as its upgrade left it
        // A stranger to a private tenant is refused as at rest (the refusals read none of its data), so that
        // the restore's 503 does not tell him the tenant exists and is being restored just now.
        if (restores.isUnderway(tenant) && restoreAudience.mayLearnOfRestore(tenant)) {
            response.setHeader("Retry-After", "5");
            ProblemResponse.send(request, response, 503, Reason.of("title.restoring"),
                    Reason.of("tenant.restoring", tenant.label().value()));
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * The tenant at the code's version: as found, or after its upgrade was done for this request; empty if
     * not. Only for callers who could read it at rest: a stranger does not have it upgraded.
     */
    private Optional<Tenant> upgraded(Tenant tenant, UpgradeState upgrade) {
        if (upgrade.phase() == UpgradeState.Phase.CURRENT) {
            return Optional.of(tenant);
        }
        if (upgrade.failed()) {
            return Optional.empty(); // tried again by its back-off or a super-user, not by whoever calls
        }
        try {
            return upgradeOnRequest.awaitCurrent(tenant, Duration.ofSeconds(UPGRADE_PATIENCE_SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private void sendNoTenant(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (RequestPath.isUnder(RequestPath.of(request), PAGE_RESOURCES)) {
            chain.doFilter(request, response); // the same files on every host, no tenant's data
            return;
        }
        Refused.atHost(request, request.getServerName());
        Refused.send(request, response, 404, Refused.Kind.NO_SUCH_TENANT, Reason.of("title.noSuchTenant"),
                Reason.of("host.noTenant", domain.name()));
    }

    /**
     * 503 saying where the upgrade stands. Why it failed may quote a row of the tenant, so only
     * {@link UpgradeFailureAudience} is told; everyone else hears that it is being upgraded.
     */
    private void refuseUntilUpgraded(HttpServletRequest request, HttpServletResponse response, Tenant tenant,
            UpgradeState upgrade) throws IOException {
        String label = tenant.label().value();
        if (upgrade.failed()) {
            if (audience.mayLearnWhy(tenant)) {
                Instant next = upgrade.nextAttempt().orElse(Instant.now());
                response.setHeader("Retry-After", String.valueOf(Math.max(5, Duration.between(Instant.now(), next).toSeconds())));
                ProblemResponse.send(request, response, 503, Reason.of("title.upgradeFailed"), Reason.of(
                        "tenant.upgradeFailed", label, upgrade.attempts(), upgrade.reason(),
                        MINUTE.format(next.atOffset(ZoneOffset.UTC))));
            } else {
                // As for a tenant being upgraded: the back-off's wait would tell that it failed.
                response.setHeader("Retry-After", "5");
                ProblemResponse.send(request, response, 503, Reason.of("title.upgrading"),
                        Reason.of("tenant.upgrading", label));
            }
            return;
        }
        response.setHeader("Retry-After", "5");
        ProblemResponse.send(request, response, 503, Reason.of("title.upgrading"), Reason.of(
                upgrade.phase() == UpgradeState.Phase.RUNNING ? "tenant.upgrading" : "tenant.upgradePending", label));
    }

    // Payara mounts these servlets inside the application when it is deployed at the root context.
    private static boolean isOperational(String path) {
        return OPERATIONAL.stream().anyMatch(prefix -> RequestPath.isUnder(path, prefix));
    }
}
