package io.tenantry.metrics;

import java.io.IOException;

import io.tenantry.platform.Meters;
import io.tenantry.platform.ProblemResponse;
import io.tenantry.platform.Reason;
import io.tenantry.tenancy.MasterTenant;
import io.tenantry.tenancy.TenantContext;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code GET /metrics}: every meter in the Prometheus text format, for operators
 * ({@link MetricsReaders}). It exists only on the master tenant's host: on any other host, and
 * below {@code /metrics/}, the answer is 404 as for any page that is not there. There, anyone else
 * gets 401 (nobody signed in, or a wrong token) or 403 (signed in, not a super-user), never a
 * metric. Mapped in web.xml over all of {@code /metrics/*}, so no servlet of the server answers there.
 */
public class MetricsEndpoint extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    TenantContext context;

    @Inject
    MasterTenant master;

    @Inject
    MetricsReaders readers;

    @Inject
    Meters meters;

    @Inject
    TenantStates tenantStates;

    @Inject
    DatabaseConnections connections;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String below = request.getPathInfo();
        if (!context.isEntered() || !master.is(context.tenant()) || (below != null && !"/".equals(below))) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        switch (readers.judge(request)) {
            case SIGN_IN -> {
                response.setHeader("WWW-Authenticate", "Bearer realm=\"metrics\"");
                ProblemResponse.send(request, response, HttpServletResponse.SC_UNAUTHORIZED,
                        Reason.of("title.notSignedIn"), Reason.of("metrics.operatorsOnly"));
            }
            case REFUSED -> ProblemResponse.send(request, response, HttpServletResponse.SC_FORBIDDEN,
                    Reason.of("title.forbidden"), Reason.of("metrics.operatorsOnly"));
            case READ -> {
                tenantStates.measure();
                connections.measure();
                response.setContentType("text/plain; version=0.0.4; charset=utf-8");
                response.setHeader("Cache-Control", "no-store");
                response.getWriter().write(meters.scrape());
            }
        }
    }
}
