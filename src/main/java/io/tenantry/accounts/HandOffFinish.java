package io.tenantry.accounts;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

import io.tenantry.platform.ProblemResponse;
import io.tenantry.platform.Reason;
import io.tenantry.tenancy.Audited;
import io.tenantry.tenancy.TenantContext;
import io.tenantry.tenancy.TenantUrls;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The tenant host's end of the hand-off, {@code /auth/handoff?code=…&state=…}: a code made for this
 * tenant and for the state this browser holds ({@link HandOffState}), unused and unexpired, from a
 * sign-in that has not ended, opens a session here under a new id and leads to the path the code was
 * made for. Anything else is refused (400) and opens nothing; a code that reaches a browser without
 * its state is void from then on.
 */
@WebServlet(HandOffFinish.PATH)
public class HandOffFinish extends HttpServlet {

    /** Where a tenant host takes a hand-off code (the servlet's path). */
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
    HandOffState states;

    @Inject
    TenantUrls urls;

    @Inject
    Event<Audited> audited;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String state = request.getParameter("state");
        if (!states.isHeldBy(request, state)) {
            // A code this browser did not ask for: someone else's, sent here to sign it in as them, or
            // one that went astray; either way no one may use it any more.
            links.voidHandOff(request.getParameter("code"));
            refuse(request, response, Reason.of("link.otherBrowser"));
            return;
        }
        SingleUseLinks.HandOff handOff;
        try {
            handOff = links.redeemHandOff(request.getParameter("code"), context.tenant().id(), state);
        } catch (SingleUseLinks.LinkRefusedException e) {
            refuse(request, response, e.reason());
            return;
        }
        states.forget(request, response, state);
        Optional<Caller> signedIn = signIns.callerOf(handOff.signInId(), Credential.TENANT_SESSION);
        if (signedIn.isEmpty()) {
            refuse(request, response, Reason.of("link.signedOut"));
            return;
        }
        Optional<Caller> here = sessions.callerOf(request);
        if (here.isPresent() && here.get().accountId() != handOff.accountId()) {
            // The public host's account changed while this host kept the other one's session.
            ProblemResponse.send(request, response, 409, Reason.of("title.linkRefused"),
                    Reason.of("link.otherAccountHere", here.get().username()));
            return;
        }
        sessions.begin(request, handOff.signInId());
        // A sign-in on this tenant's host: shown in its trail too, once an hour per account, since
        // a public host's session can be handed over again and again without a password.
        audited.fire(Audited.in(context.tenant(), "signin", signedIn.get().username()).by(signedIn.get().username())
                .kept().notAgainWithin(Duration.ofHours(1)));
        response.sendRedirect(handOff.returnPath());
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, Reason why) throws IOException {
        ProblemResponse.send(request, response, 400, Reason.of("title.linkRefused"),
                Reason.of("link.signInAgain", why, urls.publicRoot(request) + "/signin.xhtml"));
    }
}
