package io.tenantry.accounts;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.regex.Pattern;

import io.tenantry.platform.TrustedProxies;
import io.tenantry.tenancy.PublicAddresses;
import io.tenantry.tenancy.TenantContext;
import io.tenantry.tenancy.TenantUrls;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The tenant host's half of the hand-off, as OAuth's {@code state}: before it sends a browser to the
 * public host for a session, it keeps a random state in a cookie of its own (host-only, HttpOnly,
 * {@code SameSite=Lax}, {@code Secure} over https, {@link #LIFETIME}); the public host binds the code
 * it returns to that state, and {@link HandOffFinish} accepts the code only from the browser holding
 * it. So a code made in someone else's browser (login CSRF) opens no session here. Each request has
 * a cookie of its own, named after the state's first characters, so tabs opened together do not
 * spoil each other's.
 */
@ApplicationScoped
public class HandOffState {

    /** How long a browser has to come back with the code: the public host answers at once, or shows its form. */
    static final Duration LIFETIME = Duration.ofMinutes(2);
    private static final String COOKIE_PREFIX = "tenantry-handoff-";
    private static final int NAMED_BY = 12;
    /** What {@link Secrets#random()} makes: 256 bits, URL-safe Base64 without padding. */
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{43}");

    @Inject
    TenantContext context;

    @Inject
    TenantUrls urls;

    @Inject
    TrustedProxies proxies;

    /**
     * Sends the browser to the public host to be handed a session for this tenant, coming back to
     * {@code path} (a path on this host; anything else becomes "/").
     */
    public void ask(HttpServletRequest request, HttpServletResponse response, String path) throws IOException {
        String state = Secrets.random();
        response.addHeader("Set-Cookie", cookie(request, state, LIFETIME.toSeconds()));
        response.sendRedirect(urls.publicRoot(request) + "/go/" + context.tenant().label().value() + "?state=" + state
                + "&next=" + URLEncoder.encode(PublicAddresses.safeLocalPath(path), StandardCharsets.UTF_8));
    }

    /** Whether a state has the form this class gives them (the public host checks what it is sent). */
    public static boolean isWellFormed(String state) {
        return state != null && WELL_FORMED.matcher(state).matches();
    }

    /** Whether this browser holds the state, as the cookie set when it was sent away. */
    boolean isHeldBy(HttpServletRequest request, String state) {
        if (!isWellFormed(state) || request.getCookies() == null) {
            return false;
        }
        byte[] expected = state.getBytes(StandardCharsets.US_ASCII);
        return Arrays.stream(request.getCookies()).filter(c -> c.getName().equals(nameOf(state)))
                .anyMatch(c -> MessageDigest.isEqual(expected, c.getValue().getBytes(StandardCharsets.US_ASCII)));
    }

    /** Removes the state's cookie: it served its one hand-off. Written as a header, as {@code Cookie} has no SameSite before Servlet 6. */
    void forget(HttpServletRequest request, HttpServletResponse response, String state) {
        response.addHeader("Set-Cookie", cookie(request, state, 0).replaceFirst("=[^;]*;", "=;"));
    }

    private String cookie(HttpServletRequest request, String state, long maxAgeSeconds) {
        boolean https = "https".equals(proxies.scheme(request));
        return nameOf(state) + "=" + state + "; Path=" + HandOffFinish.PATH + "; Max-Age=" + maxAgeSeconds
                + "; HttpOnly; SameSite=Lax" + (https ? "; Secure" : "");
    }

    private static String nameOf(String state) {
        return COOKIE_PREFIX + state.substring(0, NAMED_BY);
    }
}
