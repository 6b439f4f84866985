package io.tenantry.access;

import java.io.IOException;
import java.util.List;
import java.util.Set;

import io.tenantry.accounts.CurrentCaller;
import io.tenantry.tenancy.MasterTenant;
import io.tenantry.platform.RequestPath;
import io.tenantry.tenancy.TenantContext;
import io.tenantry.tenancy.TenantLabel;
import io.tenantry.tenancy.TenantUrls;
import io.tenantry.tenancy.PublicAddresses;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Lets people into a tenant's pages, after {@code TenantFilter} has found the tenant: anonymous
 * visitors go to sign in and come back, strangers get the 403 page, unpaid tenants the
 * subscription page. The API is not gated here: its services refuse with a problem document.
 * Account pages live on the public host; asked for on a tenant host, they are redirected there.
 * There they are every signed-in account's, member of the public tenant or not.
 */
public class AccessGate extends HttpFilter {

    static final int PAYMENT_REQUIRED = 402;
    private static final Set<String> ACCOUNT_PAGES = Set.of("/signin.xhtml", "/register.xhtml",
            "/complete-registration.xhtml", "/forgot-password.xhtml", "/reset-password.xhtml", "/accept-invitation.xhtml",
            "/confirm-email.xhtml", "/profile.xhtml", "/new-tenant.xhtml");
    private static final Set<String> OPEN_ACCOUNT_PAGES = Set.of("/signin.xhtml", "/register.xhtml",
            "/complete-registration.xhtml", "/forgot-password.xhtml", "/reset-password.xhtml",
            "/accept-invitation.xhtml", "/confirm-email.xhtml");
    /**
     * On the public host, what every signed-in account has whether or not it is a member of the
     * public tenant: its start page (its tenants; the workspace only for those who may see it), its
     * profile and tokens, a new tenant, and {@code /go/<label>} into its tenants (which asks its own rule).
     */
    private static final Set<String> ACCOUNT_WIDE_PAGES = Set.of("/", "/index.xhtml", "/profile.xhtml",
            "/new-tenant.xhtml");
    private static final String GO_TO_TENANT = "/go/";
    /** Platform administration: only on the master tenant's host (elsewhere it does not exist), for super-users. */
    private static final String ADMIN_PAGES = "/admin/";
    private static final List<String> UNGATED = List.of("/api/", "/jakarta.faces.resource/", "/auth/handoff", "/language",
            "/signout", "/health", "/metrics", "/openapi");

    @Inject
    TenantContext context;

    @Inject
    TenantAccess access;

    @Inject
    PublicAddresses addresses;

    @Inject
    TenantUrls urls;

    @Inject
    MasterTenant master;

    @Inject
    CurrentCaller caller;

    @Inject
    TenantSettings settings;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = RequestPath.of(request);
        if (UNGATED.stream().anyMatch(prefix -> RequestPath.isUnder(path, prefix))) {
            chain.doFilter(request, response);
            return;
        }
        boolean publicHost = context.tenant().label().equals(TenantLabel.PUBLIC);
        if (ACCOUNT_PAGES.contains(path) && !publicHost) {
            String query = request.getQueryString();
            response.sendRedirect(urls.publicRoot(request) + path + (query == null ? "" : "?" + query));
            return;
        }
        if (OPEN_ACCOUNT_PAGES.contains(path)) {
            chain.doFilter(request, response);
            return;
        }
        if (RequestPath.isUnder(path, ADMIN_PAGES) && !master.is(context.tenant())) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        if (RequestPath.isUnder(path, ADMIN_PAGES) && caller.signedIn().isPresent()) {
            // A super-user's whether or not a member of the master tenant: the pages' services ask for a super-user.
            if (caller.signedIn().get().actsAsSuperUser()) {
                chain.doFilter(request, response);
            } else {
                response.sendError(HttpServletResponse.SC_FORBIDDEN);
            }
            return;
        }
        if (publicHost && (ACCOUNT_WIDE_PAGES.contains(path) || RequestPath.isUnder(path, GO_TO_TENANT))
                && caller.signedIn().isPresent()
                && access.current().entry() != Access.Entry.SUBSCRIPTION_EXPIRED) {
            chain.doFilter(request, response);
            return;
        }
        if ("/settings.xhtml".equals(path) && settings.mayChange()) {
            chain.doFilter(request, response); // operators keep a tenant's terms, member or not
            return;
        }
        switch (access.current().entry()) {
            case MEMBER, READER -> {
                if (allowedOnPage(path)) {
                    chain.doFilter(request, response);
                } else {
                    response.sendError(HttpServletResponse.SC_FORBIDDEN);
                }
            }
            case SIGN_IN_REQUIRED -> response.sendRedirect(
                    addresses.signInUrl(request, PublicAddresses.requestedUrl(request)));
            case FORBIDDEN -> response.sendError(HttpServletResponse.SC_FORBIDDEN);
            case SUBSCRIPTION_EXPIRED -> response.sendError(PAYMENT_REQUIRED);
        }
    }

    /**
     * The administration pages show the 403 page to those whose services would refuse them anyway,
     * rather than a page whose every part fails.
     */
    private boolean allowedOnPage(String path) {
        return switch (path) {
            case "/members.xhtml", "/ownership.xhtml" -> access.current().entry() == Access.Entry.MEMBER;
            case "/invitations.xhtml" -> access.permits(Permission.INVITATIONS_MANAGE);
            case "/groups.xhtml" -> access.permits(Permission.GROUPS_MANAGE);
            case "/settings.xhtml" -> false; // let in above when allowed at all
            case "/plans.xhtml", "/plan.xhtml" -> access.permits(Permission.PLAN_VIEW);
            case "/cases.xhtml", "/case.xhtml" -> access.permits(Permission.CASE_VIEW);
            case "/runs.xhtml", "/run.xhtml", "/dashboard.xhtml" -> access.permits(Permission.RUN_VIEW);
            default -> true;
        };
    }
}
