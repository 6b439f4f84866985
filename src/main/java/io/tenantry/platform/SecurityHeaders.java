package io.tenantry.platform;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * The headers every response carries, whatever answers it. Every tenant host shows text a stranger
 * wrote, so nothing may run that the page did not bring itself:
 * <ul>
 * <li>{@code Content-Security-Policy}: {@link #STRICT_POLICY} (nothing loads, nothing runs, no framing)
 * for JSON, files, the logo and problem pages; a Faces page replaces it with its own policy, a fresh
 * script nonce per response (PrimeFaces' CSP mode, {@code primefaces.CSP_POLICY} in web.xml);</li>
 * <li>{@code Referrer-Policy: same-origin}: the single-use tokens in hand-off, reset and invitation
 * addresses never travel to another host, while same-origin form posts keep their {@code Origin};</li>
 * <li>{@code X-Content-Type-Options: nosniff}: an upload is never run as a script nor read as a page.</li>
 * </ul>
 * Declared first in web.xml, for requests, forwards and error pages; {@link ProblemResponse} adds
 * them too, for refusals written before any filter.
 */
public class SecurityHeaders extends HttpFilter {

    private static final long serialVersionUID = 1L;

    static final String CONTENT_SECURITY_POLICY = "Content-Security-Policy";

    /**
     * For what is not a page: nothing loads or runs, nobody frames it. Inline styles only, for
     * {@link ProblemResponse}'s page. A response that sets its own policy (an attachment) starts from this.
     */
    public static final String STRICT_POLICY = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; "
            + "base-uri 'none'; form-action 'none'";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        addTo(response);
        chain.doFilter(request, new PagePolicy(response));
    }

    /**
     * Puts the headers on a response: the strict policy unless a page's is there already (an error
     * page shown after a page began keeps that page's policy, whose nonce its scripts carry). Also
     * for answers written before any filter runs: {@link ProblemResponse} from Jakarta Security.
     */
    static void addTo(HttpServletResponse response) {
        if (!response.containsHeader(CONTENT_SECURITY_POLICY)) {
            response.setHeader(CONTENT_SECURITY_POLICY, STRICT_POLICY);
        }
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("X-Content-Type-Options", "nosniff");
    }

    /**
     * PrimeFaces adds its page policy as a second header; browsers enforce every policy they get,
     * so the strict one would block the page's own scripts. Here the page's policy replaces it.
     */
    private static final class PagePolicy extends HttpServletResponseWrapper {

        PagePolicy(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void addHeader(String name, String value) {
            if (CONTENT_SECURITY_POLICY.equalsIgnoreCase(name)) {
                setHeader(name, value);
            } else {
                super.addHeader(name, value);
            }
        }
    }
}
