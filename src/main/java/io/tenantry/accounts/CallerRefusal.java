package io.tenantry.accounts;

import java.io.IOException;
import java.util.OptionalLong;

import io.tenantry.platform.ProblemResponse;
import io.tenantry.platform.Reason;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Why {@link TenantryAuthentication} refused a request's credentials: 401 (a token or password that
 * is wrong), 429 (too many attempts, with the seconds to wait) or 503 (the database could not say who
 * calls). Kept on the request and answered by {@link RefusedCallers}, the same way on every server.
 */
record CallerRefusal(int status, Reason detail, OptionalLong retryAfterSeconds) {

    private static final String ATTRIBUTE = CallerRefusal.class.getName();

    static void mark(HttpServletRequest request, CallerRefusal refusal) {
        request.setAttribute(ATTRIBUTE, refusal);
    }

    /** The refusal marked on the request, or null when its credentials were not refused. */
    static CallerRefusal of(HttpServletRequest request) {
        return (CallerRefusal) request.getAttribute(ATTRIBUTE);
    }

    /** A problem document for programs, a short page for people; WWW-Authenticate on 401, Retry-After on 429. */
    void send(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (status == HttpServletResponse.SC_SERVICE_UNAVAILABLE) {
            ProblemResponse.sendDatabaseUnavailable(request, response);
            return;
        }
        if (status == HttpServletResponse.SC_UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"Tenantry\"");
        }
        retryAfterSeconds.ifPresent(seconds -> response.setHeader("Retry-After", Long.toString(seconds)));
        ProblemResponse.send(request, response, status,
                Reason.of(status == 429 ? "title.tooManyAttempts" : "title.notSignedIn"), detail);
    }
}
