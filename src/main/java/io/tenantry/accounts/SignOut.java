package io.tenantry.accounts;

import java.io.IOException;

import io.tenantry.platform.ProblemResponse;
import io.tenantry.platform.Reason;
import io.tenantry.tenancy.TenantUrls;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * POST /signout, on any host, from the form of our pages: with the session's sign-out token it ends
 * the sign-in for every host, then shows the sign-in page; without it (a page elsewhere posting
 * here) it refuses with 403 and ends nothing.
 */
@WebServlet("/signout")
public class SignOut extends HttpServlet {

    @Inject
    HostSessions sessions;

    @Inject
    TenantUrls urls;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!sessions.end(request, request.getParameter("token"))) {
            ProblemResponse.send(request, response, 403, Reason.of("title.forbidden"), Reason.of("signOut.token"));
            return;
        }
        response.sendRedirect(urls.publicRoot(request) + "/signin.xhtml?signedOut=true");
    }
}
