package io.tenantry.tenancy;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Where a person is sent around the sign-in: the sign-in page with the address to come back to, and
 * the checks that keep such addresses on our own hosts. Roots of hosts come from {@link TenantUrls}.
 */
@ApplicationScoped
public class PublicAddresses {

    @Inject
    TenantsDomain domain;

    @Inject
    TenantUrls urls;


    /**
     * Where a person asked to go, so they come back there after signing in: on one of our hosts, the
     * host's address as {@link TenantUrls} builds it (behind a TLS proxy the scheme and port the
     * client used, not the connection's from the proxy), then the path and query asked for.
     */
    public String requestedUrl(HttpServletRequest request) {
        String query = request.getQueryString();
        String path = request.getRequestURI() + (query == null ? "" : "?" + query);
        return domain.labelOf(request.getServerName()).map(label -> urls.rootOf(label, request) + path)
                .orElseGet(() -> request.getRequestURL() + (query == null ? "" : "?" + query));
    }

    public String signInUrl(HttpServletRequest request, String next) {
        return urls.publicRoot(request) + "/signin.xhtml?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8);
    }

    /** A target on one of our hosts, split into the tenant and the local path; anything else is refused. */
    public Optional<Target> targetOf(String url) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(url);
            if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                return Optional.empty();
            }
            return domain.labelOf(uri.getHost()).map(label -> new Target(label, localPath(uri)));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** A path on this host only: "/x" yes, "//evil.example/x" or "https://..." no. */
    public static String safeLocalPath(String path) {
        if (path == null || !path.startsWith("/") || path.startsWith("//") || path.chars().anyMatch(PublicAddresses::unsafe)) {
            return "/";
        }
        return path;
    }

    /**
     * Browsers drop tabs and line breaks anywhere in a URL and read a backslash as a slash (WHATWG
     * URL Standard, "basic URL parser"), so "/\t/evil" and "/\\evil" would leave this host.
     */
    private static boolean unsafe(int c) {
        return c < 0x20 || c == 0x7f || c == '\\';
    }

    private static String localPath(URI uri) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return safeLocalPath(path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
    }

    public record Target(TenantLabel label, String path) {
    }
}
