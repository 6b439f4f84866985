package io.tenantry.access;

import java.io.IOException;
import java.util.List;
import java.util.Set;

import io.tenantry.accounts.CurrentCaller;
import io.tenantry.accounts.HandOffFinish;
import io.tenantry.accounts.HandOffState;
import io.tenantry.accounts.TenantSignIn;
import io.tenantry.tenancy.MasterTenant;
import io.tenantry.platform.Reason;
import io.tenantry.platform.Refused;
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
 * visitors of a tenant host are handed a session by the public host when they are signed in there,
 * else shown its sign-in form, and come back ({@link HandOffState}); the rest get the refusal page
 * of what is true ({@link Refused.Kind}): not signed in (401, a reader on a page of members), not a
 * member or missing a permission (403), subscription expired (402). The API is not gated here: its services refuse with a problem document.
 * Account pages live on the public host; asked for on a tenant host, they are redirected there.
 * There they are every signed-in account's, member of the public tenant or not. Every request, API
 * included, first reads its tenant's terms ({@link TermsAsRead}).
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
    private static final List<String> UNGATED = List.of("/api/", "/jakarta.faces.resource/", HandOffFinish.PATH, TenantSignIn.PATH, "/language",
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

    @Inject
    HandOffState states;

    @Inject
    TermsAsRead termsAsRead;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        termsAsRead.readAtStart(); // before any body is read: what a save of this request is written over
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
                Refused.send(request, response, HttpServletResponse.SC_FORBIDDEN, Refused.Kind.OPERATORS_ONLY,
                        Reason.of("title.forbidden"), Reason.of("superUserOnly"));
            }
            return;
        }
        if (publicHost && RequestPath.isUnder(path, GO_TO_TENANT)) {
            // HandOffStart asks its own rule, signed in or not: a visitor goes to the form, which leads to
            // the tenant's address afterwards (not back to a hand-off whose state may have expired meanwhile).
            chain.doFilter(request, response);
            return;
        }
        if (publicHost && ACCOUNT_WIDE_PAGES.contains(path) && caller.signedIn().isPresent()
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
                    refuseOnPage(request, response);
                }
            }
            case SIGN_IN_REQUIRED -> {
                if (publicHost) {
                    response.sendRedirect(addresses.signInUrl(request, addresses.requestedUrl(request)));
                } else {
                    states.ask(request, response, localAddress(request));
                }
            }
            case FORBIDDEN -> Refused.send(request, response, HttpServletResponse.SC_FORBIDDEN, Refused.Kind.NOT_A_MEMBER,
                    Reason.of("title.forbidden"), Reason.of("notAMemberOfTenant", context.tenant().name()));
            case SUBSCRIPTION_EXPIRED -> Refused.send(request, response, PAYMENT_REQUIRED,
                    Refused.Kind.SUBSCRIPTION_EXPIRED, Reason.of("title.subscriptionExpired"), access.expiredReason());
        }
    }

    /**
     * A page the caller may not open though they entered the tenant: a reader who has not signed in
     * is asked to (signing in may let them in), a reader who has is not a member, and a member lacks
     * the permission {@link TenantAccess#lacking()} names.
     */
    private void refuseOnPage(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (access.current().entry() == Access.Entry.MEMBER) {
            Refused.send(request, response, HttpServletResponse.SC_FORBIDDEN, Refused.Kind.MISSING_PERMISSION,
                    Reason.of("title.forbidden"), Reason.of("notPermitted", context.tenant().name(),
                            Reason.of("action." + access.lacking().orElseThrow(() -> new IllegalStateException(
                                    "A member is refused a page only for a permission allowedOnPage names")).code())));
        } else if (caller.signedIn().isEmpty()) {
            Refused.send(request, response, HttpServletResponse.SC_UNAUTHORIZED, Refused.Kind.NOT_SIGNED_IN,
                    Reason.of("title.notSignedIn"), Reason.of("membersOnly", context.tenant().name()));
        } else {
            Refused.send(request, response, HttpServletResponse.SC_FORBIDDEN, Refused.Kind.NOT_A_MEMBER,
                    Reason.of("title.forbidden"), Reason.of("notAMemberOfTenant", context.tenant().name()));
        }
    }

    /** The path and query asked for on this host, to come back to. */
    private static String localAddress(HttpServletRequest request) {
        String query = request.getQueryString();
        return request.getRequestURI() + (query == null ? "" : "?" + query);
    }

    /**
     * The administration pages show the 403 page to those whose services would refuse them anyway,
     * rather than a page whose every part fails.
     */
    private boolean allowedOnPage(String path) {
        return switch (path) {
            case "/members.xhtml", "/ownership.xhtml" -> access.current().entry() == Access.Entry.MEMBER;
            case "/invitations.xhtml" -> access.holds(Permission.INVITATIONS_MANAGE);
            case "/groups.xhtml" -> access.holds(Permission.GROUPS_MANAGE);
            case "/audit.xhtml" -> access.holds(Permission.AUDIT_VIEW);
            case "/settings.xhtml" -> access.holds(Permission.SETTINGS_MANAGE); // let in above when allowed at all
            case "/plans.xhtml", "/plan.xhtml" -> access.holds(Permission.PLAN_VIEW);
            case "/cases.xhtml", "/case.xhtml" -> access.holds(Permission.CASE_VIEW);
            case "/runs.xhtml", "/run.xhtml", "/dashboard.xhtml" -> access.holds(Permission.RUN_VIEW);
            default -> true;
        };
    }
}
