package io.tenantry.accounts;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import io.tenantry.tenancy.PublicAddresses;
import io.tenantry.tenancy.TenantContext;
import io.tenantry.tenancy.TenantUrls;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code /auth/signin?next=/path}, the "Sign in" of a tenant host (and where the public host sends a
 * member it hands over): already signed in here, straight to the path; otherwise the hand-off with a
 * state of this browser ({@link HandOffState}), which the public host answers with a session for a
 * person signed in there, or its sign-in form. On the public host it is the sign-in form itself.
 */
@WebServlet(TenantSignIn.PATH)
public class TenantSignIn extends HttpServlet {

    /** The servlet's path. */
    public static final String PATH = "/auth/signin";

    @Inject
    TenantContext context;

    @Inject
    HostSessions sessions;

    @Inject
    HandOffState states;

    @Inject
    TenantUrls urls;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String next = PublicAddresses.safeLocalPath(request.getParameter("next"));
        if (context.tenant().isPublic()) {
            response.sendRedirect("/signin.xhtml?next=" + URLEncoder.encode(urls.publicRoot(request) + next,
                    StandardCharsets.UTF_8));
        } else if (sessions.callerOf(request).isPresent()) {
            response.sendRedirect(next);
        } else {
            states.ask(request, response, next);
        }
    }
}
