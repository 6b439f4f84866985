package io.tenantry.access;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import io.tenantry.accounts.Caller;
import io.tenantry.accounts.CurrentCaller;
import io.tenantry.accounts.HandOffFinish;
import io.tenantry.accounts.HandOffState;
import io.tenantry.accounts.TenantSignIn;
import io.tenantry.accounts.HostSessions;
import io.tenantry.accounts.SingleUseLinks;
import io.tenantry.platform.ProblemResponse;
import io.tenantry.platform.Reason;
import io.tenantry.platform.Refused;
import io.tenantry.tenancy.Tenant;
import io.tenantry.tenancy.TenantContext;
import io.tenantry.tenancy.TenantDirectory;
import io.tenantry.tenancy.TenantLabel;
import io.tenantry.tenancy.TenantUrls;
import io.tenantry.tenancy.TenantsDomain;
import io.tenantry.tenancy.PublicAddresses;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code /go/<label>?next=/path} on the public host: the way into a tenant's host for a browser
 * signed in here, but only for a tenant the person may enter ({@link TenantEntry}); anyone else gets
 * the refusal page (403 not a member, 402 subscription expired, 404 no such tenant).
 * <ul>
 * <li>Asked by the tenant's host ({@code state} from {@link HandOffState}): a member gets a code
 * valid for {@link #VALID_FOR}, bound to that state, the tenant and the path (on that host only),
 * sent back to {@code /auth/handoff}; someone not signed in here gets the sign-in form, which leads
 * back to the tenant's address afterwards (no loop: the form waits for the person).</li>
 * <li>Asked by a link of ours (the tenant list, after signing in): a member goes to the tenant
 * host's {@code /auth/signin}, which asks as above with a state of its own; so no code is ever made
 * without the browser's state, and a code link sent to someone else opens nothing.</li>
 * <li>A publicly readable tenant the person is not a member of needs no session: our links go there
 * without one; the tenant's own "Sign in" is told the person is not a member.</li>
 * </ul>
 */
@WebServlet("/go/*")
public class HandOffStart extends HttpServlet {

    static final Duration VALID_FOR = Duration.ofSeconds(60);

    @Inject
    TenantContext context;

    @Inject
    TenantDirectory directory;

    @Inject
    TenantsDomain domain;

    @Inject
    HostSessions sessions;

    @Inject
    CurrentCaller caller;

    @Inject
    SingleUseLinks links;

    @Inject
    PublicAddresses addresses;

    @Inject
    TenantUrls urls;

    @Inject
    TenantEntry entries;

    @Inject
    SubscriptionNotices notices;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String label = request.getPathInfo() == null ? "" : request.getPathInfo().substring(1);
        Optional<Tenant> tenant = TenantLabel.isWellFormed(label) ? directory.find(new TenantLabel(label))
                : Optional.empty();
        if (!context.tenant().isPublic() || tenant.isEmpty()) {
            Refused.atHost(request, TenantLabel.isWellFormed(label) ? domain.hostOf(new TenantLabel(label)) : label);
            Refused.send(request, response, 404, Refused.Kind.NO_SUCH_TENANT, Reason.of("title.noSuchTenant"),
                    Reason.of("unknownTenant", label));
            return;
        }
        String state = request.getParameter("state");
        boolean askedByTenantHost = state != null;
        if (askedByTenantHost && !HandOffState.isWellFormed(state)) {
            ProblemResponse.send(request, response, 400, Reason.of("title.linkRefused"),
                    Reason.of("link.invalid", Reason.of("link.askAgain")));
            return;
        }
        String next = PublicAddresses.safeLocalPath(request.getParameter("next"));
        String root = urls.rootOf(tenant.get().label(), request);
        Optional<String> signIn = sessions.signInOf(request);
        Optional<Caller> signedIn = caller.signedIn();
        if (signIn.isEmpty() || signedIn.isEmpty()) {
            response.sendRedirect(addresses.signInUrl(request,
                    askedByTenantHost ? root + next : addresses.requestedUrl(request)));
            return;
        }
        if (tenant.get().isPublic()) {
            response.sendRedirect(next);
            return;
        }
        Refused.about(request, tenant.get().label().value());
        switch (entries.passageFor(tenant.get(), signedIn.get())) {
            case WITHOUT_SESSION -> {
                if (askedByTenantHost) {
                    refuseStranger(request, response, tenant.get());
                } else {
                    response.sendRedirect(root + next);
                }
            }
            case FORBIDDEN -> refuseStranger(request, response, tenant.get());
            case SUBSCRIPTION_EXPIRED -> Refused.send(request, response, AccessGate.PAYMENT_REQUIRED,
                    Refused.Kind.SUBSCRIPTION_EXPIRED, Reason.of("title.subscriptionExpired"),
                    notices.expired(tenant.get(), signedIn));
            case WITH_SESSION -> {
                if (askedByTenantHost) {
                    String code = links.issueHandOff(signedIn.get().accountId(), tenant.get().id(), signIn.get(),
                            state, next, VALID_FOR);
                    response.sendRedirect(root + HandOffFinish.PATH + "?code=" + code + "&state=" + state);
                } else {
                    response.sendRedirect(root + TenantSignIn.PATH + "?next="
                            + URLEncoder.encode(next, StandardCharsets.UTF_8));
                }
            }
        }
    }

    private static void refuseStranger(HttpServletRequest request, HttpServletResponse response, Tenant tenant)
            throws IOException {
        Refused.send(request, response, 403, Refused.Kind.NOT_A_MEMBER, Reason.of("title.forbidden"),
                Reason.of("notAMemberOfTenant", tenant.name()));
    }
}
