package io.tenantry.accounts;

import java.io.IOException;

import io.tenantry.web.PublicAddresses;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** POST /signout, on any host: ends the sign-in for every host, then shows the sign-in page. */
@WebServlet("/signout")
public class SignOut extends HttpServlet {

    @Inject
    HostSessions sessions;

    @Inject
    PublicAddresses addresses;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        sessions.end(request);
        response.sendRedirect(addresses.publicRoot(request) + "/signin.xhtml?signedOut=true");
    }
}
