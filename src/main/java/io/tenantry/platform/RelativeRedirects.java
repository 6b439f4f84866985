package io.tenantry.platform;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * Sends a redirect to a path on this host as it is, a relative {@code Location} (RFC 9110, 10.2.2)
 * that the browser resolves against the address it used. The servlet container would make it
 * absolute from the connection it received: behind a TLS proxy, {@code http://} (the newcomer review
 * of this stop: the sign-in answered {@code Location: http://…} to a browser on https). Redirects to
 * other hosts are built absolute by {@code tenancy.TenantUrls}, from PUBLIC_SCHEME and PUBLIC_PORT.
 * Mapped second in web.xml, after {@link SecurityHeaders}.
 */
public class RelativeRedirects extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        chain.doFilter(request, new Relative(response));
    }

    /** A response whose redirects to a path of this host stay relative. */
    static final class Relative extends HttpServletResponseWrapper {

        Relative(HttpServletResponse response) {
            super(response);
        }

        /**
         * A path of this host ({@code /…}, but not {@code //…}, {@code /\…} nor one holding a control
         * character, which browsers may take for another host) goes out as it is, with 302; anything else as the container makes it.
         * {@link IllegalStateException} once the response is committed, as the servlet API says.
         */
        @Override
        public void sendRedirect(String location) throws IOException {
            if (location == null || !isPathOfThisHost(location)) {
                super.sendRedirect(location);
                return;
            }
            if (isCommitted()) {
                throw new IllegalStateException("The response is committed already; cannot redirect to " + location);
            }
            resetBuffer();
            setStatus(SC_FOUND);
            setHeader("Location", location);
            flushBuffer();
        }

        // Browsers drop tabs and line breaks from a URL before reading it ("/\t/evil" is "//evil"),
        // so a location holding any control character is left to the container, which makes it absolute.
        private static boolean isPathOfThisHost(String location) {
            return location.startsWith("/") && !location.startsWith("//") && !location.startsWith("/\\")
                    && location.chars().noneMatch(c -> c < 0x20 || c == 0x7f);
        }
    }
}
