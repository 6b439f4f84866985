package io.tenantry.accounts;

import java.io.IOException;
import java.util.Optional;

import io.tenantry.platform.ProblemResponse;
import io.tenantry.platform.Reason;
import io.tenantry.tenancy.TenantContext;
import io.tenantry.tenancy.TenantUrls;
import io.tenantry.tenancy.PublicAddresses;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The tenant host's end of the hand-off: a link made for this tenant, unused and unexpired, from a
 * sign-in that has not ended, opens a session here under a new id.
 */
@WebServlet(HandOffFinish.PATH)
public class HandOffFinish extends HttpServlet {

    /** Where a tenant host takes a hand-off link (the servlet's path). */
    public static final String PATH = "/auth/handoff";

    @Inject
    TenantContext context;

    @Inject
    SingleUseLinks links;

    @Inject
    SignIns signIns;

    @Inject
    HostSessions sessions;

    @Inject
    TenantUrls urls;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        SingleUseLinks.Redeemed redeemed;
        try {
            redeemed = links.redeem(SingleUseLinks.Purpose.HANDOFF, request.getParameter("token"));
        } catch (SingleUseLinks.LinkRefusedException e) {
            refuse(request, response, e.reason());
            return;
        }
        boolean forThisTenant = redeemed.tenantId().filter(id -> id == context.tenant().id()).isPresent();
        boolean signedIn = redeemed.signInId()
                .flatMap(signIn -> signIns.callerOf(signIn, Credential.TENANT_SESSION)).isPresent();
        if (!forThisTenant || !signedIn) {
            refuse(request, response, Reason.of(forThisTenant ? "link.signedOut" : "link.otherTenant"));
            return;
        }
        Optional<Caller> here = sessions.callerOf(request);
        if (here.isPresent() && here.get().accountId() != redeemed.accountId()) {
            // A hand-off link works in any browser: one made by someone else, sent to a person signed in
            // here, would otherwise put that person's work under the other account without a word.
            ProblemResponse.send(request, response, 409, Reason.of("title.linkRefused"),
                    Reason.of("link.otherAccountHere", here.get().username()));
            return;
        }
        sessions.begin(request, redeemed.signInId().get());
        response.sendRedirect(PublicAddresses.safeLocalPath(request.getParameter("next")));
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, Reason why) throws IOException {
        ProblemResponse.send(request, response, 400, Reason.of("title.linkRefused"),
                Reason.of("link.signInAgain", why, urls.publicRoot(request) + "/signin.xhtml"));
    }
}
