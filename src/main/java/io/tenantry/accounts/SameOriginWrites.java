package io.tenantry.accounts;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

import io.tenantry.platform.ProblemResponse;
import io.tenantry.platform.Reason;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses (403) a write that a page of another host could have made the browser send. Every tenant
 * host is one site for SameSite, so the session cookie goes along with a form or {@code fetch()}
 * from a stranger's tenant; browsers say where a request comes from, and it must be this very host.
 * Anything but GET, HEAD, OPTIONS and TRACE is a write, and so is any request carrying a Faces
 * view state (Faces runs a form's actions from a GET with {@code jakarta.faces.ViewState} too). It
 * passes when:
 * <ul>
 * <li>it is authenticated by an API token ({@code Authorization: Bearer}): a page elsewhere cannot
 * add that header, and the browser never adds it by itself (HTTP Basic it does, once a person has
 * answered its prompt, so Basic is judged like a cookie);</li>
 * <li>or every origin header present names this host: {@code Sec-Fetch-Site: same-origin}, and
 * {@code Origin} with this request's host and port (any scheme: a proxy may end TLS), and at least
 * one is present;</li>
 * <li>or neither is present and the request carries no session cookie: a program (Basic included)
 * with nothing a stranger could borrow. A cookie without either header is refused: browsers send
 * {@code Origin} with every write.</li>
 * </ul>
 * This covers the sign-in form too, so that no page elsewhere can sign a browser in to someone
 * else's account.
 */
@WebFilter("/*")
public class SameOriginWrites extends HttpFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final String VIEW_STATE = "jakarta.faces.ViewState";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        boolean write = !SAFE_METHODS.contains(request.getMethod()) || request.getParameter(VIEW_STATE) != null;
        if (!write || byHeader(request) || fromThisHost(request)) {
            chain.doFilter(request, response);
            return;
        }
        ProblemResponse.send(request, response, 403, Reason.of("title.forbidden"), Reason.of("write.crossSite"));
    }

    /** Authenticated by what a program sends, not by what the browser adds by itself. */
    private static boolean byHeader(HttpServletRequest request) {
        return request.getAttribute(CurrentCaller.ATTRIBUTE) instanceof Caller caller
                && !caller.credential().ambient();
    }

    private static boolean fromThisHost(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        String origin = request.getHeader("Origin");
        if (site == null && origin == null) {
            return !(request.getRequestedSessionId() != null && request.isRequestedSessionIdFromCookie());
        }
        return (site == null || "same-origin".equals(site))
                && (origin == null || sameHost(origin, request.getHeader("Host")));
    }

    /** Whether an Origin ({@code scheme://host[:port]}, or "null" for an opaque one) names this host and port. */
    static boolean sameHost(String origin, String host) {
        if (host == null) {
            return false;
        }
        try {
            URI uri = new URI(origin);
            if (uri.getHost() == null) {
                return false;
            }
            String authority = uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
            return authority.toLowerCase(Locale.ROOT).equals(host.toLowerCase(Locale.ROOT));
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
