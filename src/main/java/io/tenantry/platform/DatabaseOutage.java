package io.tenantry.platform;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A request that failed because the database was briefly out of reach (see
 * {@link DatabaseUnavailable}) is answered 503 with {@code Retry-After}, a problem document or a
 * page in the page's language, instead of the error page's 500: whatever it was doing was rolled
 * back with its transaction. Covers pages and filters (the tenant's lookup, the access gate); the
 * API answers the same through {@code api.ProblemMappers}. Declared in web.xml right after
 * {@link SecurityHeaders}, so it wraps everything after it.
 */
public class DatabaseOutage extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } catch (Exception failure) { // Exception: WildFly's @Transactional throws a commit's RollbackException, checked as it is
            if (!DatabaseUnavailable.causedIt(failure) || response.isCommitted()) {
                throw failure;
            }
            response.reset();
            ProblemResponse.sendDatabaseUnavailable(request, response);
        }
    }
}
