package io.tenantry.access;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import io.tenantry.accounts.Caller;
import io.tenantry.accounts.CurrentCaller;
import io.tenantry.accounts.HandOffFinish;
import io.tenantry.accounts.HostSessions;
import io.tenantry.accounts.SingleUseLinks;
import io.tenantry.platform.ProblemResponse;
import io.tenantry.platform.Reason;
import io.tenantry.tenancy.Tenant;
import io.tenantry.tenancy.TenantContext;
import io.tenantry.tenancy.TenantDirectory;
import io.tenantry.tenancy.TenantLabel;
import io.tenantry.tenancy.TenantUrls;
import io.tenantry.tenancy.PublicAddresses;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code /go/<label>?next=/path} on the public host: sends a signed-in browser to a tenant's host
 * with a single-use link, valid for {@link #VALID_FOR}, that opens a session there, but only to a
 * tenant the person may enter ({@link TenantEntry}). A publicly readable tenant the person is not a
 * member of needs no session: the browser goes there without one, so no session is opened on a
 * host whose pages are not the person's. Anyone else gets the refusal (403, or 402 when the
 * subscription has run out) instead of a link.
 */
@WebServlet("/go/*")
public class HandOffStart extends HttpServlet {

    static final Duration VALID_FOR = Duration.ofSeconds(60);

    @Inject
    TenantContext context;

    @Inject
    TenantDirectory directory;

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
            ProblemResponse.send(request, response, 404, Reason.of("title.noSuchTenant"),
                    Reason.of("unknownTenant", label));
            return;
        }
        Optional<String> signIn = sessions.signInOf(request);
        Optional<Caller> signedIn = caller.signedIn();
        if (signIn.isEmpty() || signedIn.isEmpty()) {
            response.sendRedirect(addresses.signInUrl(request, PublicAddresses.requestedUrl(request)));
            return;
        }
        String next = PublicAddresses.safeLocalPath(request.getParameter("next"));
        if (tenant.get().isPublic()) {
            response.sendRedirect(next);
            return;
        }
        String root = urls.rootOf(tenant.get().label(), request);
        switch (entries.passageFor(tenant.get(), signedIn.get())) {
            case WITHOUT_SESSION -> response.sendRedirect(root + next);
            case FORBIDDEN -> ProblemResponse.send(request, response, 403, Reason.of("title.forbidden"),
                    Reason.of("notAMemberOfTenant", tenant.get().name()));
            case SUBSCRIPTION_EXPIRED -> ProblemResponse.send(request, response, 402,
                    Reason.of("title.subscriptionExpired"), notices.expired(tenant.get(), signedIn));
            case WITH_SESSION -> {
                String secret = links.issue(SingleUseLinks.Purpose.HANDOFF, signedIn.get().accountId(),
                        tenant.get().id(), signIn.get(), VALID_FOR);
                response.sendRedirect(root + HandOffFinish.PATH + "?token=" + secret + "&next="
                        + URLEncoder.encode(next, StandardCharsets.UTF_8));
            }
        }
    }
}
