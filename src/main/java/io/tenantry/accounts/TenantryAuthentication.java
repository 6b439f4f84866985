package io.tenantry.accounts;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.tenantry.platform.DatabaseUnavailable;
import io.tenantry.platform.Reason;
import io.tenantry.platform.RequestPath;
import io.tenantry.platform.Roles;
import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Establishes who calls, on every request: an API token ({@code Authorization: Bearer}), HTTP
 * Basic, or the browser session of this host. Anyone else is anonymous; what a caller may do is
 * decided afterwards, by the access rules of the tenant.
 */
@ApplicationScoped
@DeclareRoles(Roles.SUPER_USER)
public class TenantryAuthentication implements HttpAuthenticationMechanism {

    private static final Logger LOG = Logger.getLogger(TenantryAuthentication.class.getName());
    /** Where a bearer token that is no API token may be the scrapers' METRICS_TOKEN. */
    private static final String METRICS = "/metrics";

    @Inject
    ApiTokens tokens;

    @Inject
    PasswordSignIn passwordSignIn;

    @Inject
    HostSessions sessions;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        String authorization = request.getHeader("Authorization");
        Optional<Caller> caller;
        try {
            if (hasScheme(authorization, "Bearer")) {
                caller = tokens.callerOf(authorization.substring(7).strip());
                if (caller.isEmpty() && RequestPath.isUnder(RequestPath.of(request), METRICS)) {
                    return context.doNothing(); // METRICS_TOKEN, perhaps: metrics.MetricsReaders judges it
                }
                if (caller.isEmpty()) {
                    return refuse(request, context, new CallerRefusal(401, Reason.of("token.invalid"), OptionalLong.empty()));
                }
            } else if (hasScheme(authorization, "Basic")) {
                caller = basic(request, authorization.substring(6).strip());
                if (caller.isEmpty()) {
                    return refuse(request, context, new CallerRefusal(401, Reason.of("signIn.wrong"), OptionalLong.empty()));
                }
            } else {
                caller = sessions.callerOf(request);
            }
        } catch (TooManyAttemptsException e) {
            return refuse(request, context, new CallerRefusal(429, e.reason(),
                    OptionalLong.of(e.retryAfter().orElseThrow().toSeconds() + 1)));
        } catch (Exception e) { // Exception: WildFly's @Transactional throws a commit's RollbackException, checked as it is
            if (!DatabaseUnavailable.causedIt(e)) {
                // The container answers 500 without saying why: the log must.
                LOG.log(Level.SEVERE, "Could not tell who is calling", e);
                throw e;
            }
            // Who is calling could not be read: the request is answered 503 before anything else runs.
            return refuse(request, context, new CallerRefusal(503, Reason.of("database.unavailable"), OptionalLong.empty()));
        }
        if (caller.isEmpty()) {
            return context.doNothing();
        }
        request.setAttribute(CurrentCaller.ATTRIBUTE, caller.get());
        return context.notifyContainerAboutLogin(caller.get().username(),
                caller.get().actsAsSuperUser() ? Set.of(Roles.SUPER_USER) : Set.of());
    }

    private Optional<Caller> basic(HttpServletRequest request, String encoded) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        return passwordSignIn.attempt(decoded.substring(0, colon), decoded.substring(colon + 1), request)
                .map(found -> found.asCaller(Credential.PASSWORD));
    }

    private static boolean hasScheme(String authorization, String scheme) {
        return authorization != null && authorization.regionMatches(true, 0, scheme + " ", 0, scheme.length() + 1);
    }

    /** Marks the refusal for {@link RefusedCallers}, which answers it; the request goes on unauthenticated until then. */
    private static AuthenticationStatus refuse(HttpServletRequest request, HttpMessageContext context,
            CallerRefusal refusal) {
        CallerRefusal.mark(request, refusal);
        return context.doNothing();
    }
}
