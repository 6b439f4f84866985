package io.tenantry.accounts;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Answers, before any other filter reads the request, the requests whose credentials
 * {@link TenantryAuthentication} refused ({@link CallerRefusal}). The mechanism does not answer them
 * itself: Jakarta Security leaves what a mechanism's failure looks like to the container, and where
 * Payara sends the mechanism's own answer, WildFly (Undertow) replaces an unfinished 4xx or 5xx by the
 * application's error page, so an API client got the HTML refusal page (and a session) instead of
 * its problem document. Mapped in web.xml right after the security headers.
 */
public class RefusedCallers extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        CallerRefusal refusal = CallerRefusal.of(request);
        if (refusal == null) {
            chain.doFilter(request, response);
        } else {
            refusal.send(request, response);
        }
    }
}
