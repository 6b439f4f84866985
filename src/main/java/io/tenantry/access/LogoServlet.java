package io.tenantry.access;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code /logo} on a tenant's host: that tenant's logo, and never another's, to whoever may see
 * its pages (the access gate has let the request in), streamed from its file.
 */
@WebServlet("/logo")
public class LogoServlet extends HttpServlet {

    @Inject
    TenantSettings settings;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<TenantSettings.Logo> found = settings.logo();
        if (found.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        TenantSettings.Logo logo = found.get();
        try (InputStream content = logo.content()) {
            response.setContentType(logo.mediaType());
            response.setHeader("Cache-Control", "private, max-age=60");
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setContentLengthLong(logo.size());
            content.transferTo(response.getOutputStream());
        }
    }
}
