package io.tenantry.metrics;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

import io.tenantry.accounts.Caller;
import io.tenantry.accounts.CurrentCaller;
import io.tenantry.platform.MetricsSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Who may read the metrics: they name every tenant, so only operators: a super-user whose
 * credential reaches the account (the public host's session, a password, an API token), or a
 * scraper sending METRICS_TOKEN as {@code Authorization: Bearer}. Nobody else, whatever tenant they own.
 */
@ApplicationScoped
public class MetricsReaders {

    /** What the request may do with the metrics. */
    public enum Verdict {
        /** An operator: read them. */
        READ,
        /** Nobody signed in and no token (or a wrong one): 401. */
        SIGN_IN,
        /** Signed in, but not a super-user: 403. */
        REFUSED
    }

    @Inject
    MetricsSettings settings;

    @Inject
    CurrentCaller caller;

    /** The verdict for {@code request}, which TenantryAuthentication has seen. */
    public Verdict judge(HttpServletRequest request) {
        if (settings.token().filter(token -> sameSecret(bearerOf(request), token)).isPresent()) {
            return Verdict.READ;
        }
        Optional<Caller> signedIn = caller.signedIn();
        if (signedIn.filter(Caller::actsAsSuperUser).isPresent()) {
            return Verdict.READ;
        }
        return signedIn.isPresent() ? Verdict.REFUSED : Verdict.SIGN_IN;
    }

    private static String bearerOf(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).strip() : "";
    }

    /** In time that does not tell how much of the token was right. */
    private static boolean sameSecret(String given, String token) {
        return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
    }
}
