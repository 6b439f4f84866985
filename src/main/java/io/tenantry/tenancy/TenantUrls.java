package io.tenantry.tenancy;

import io.tenantry.platform.TrustedProxies;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The root address of a tenant's host, for links sent out and redirects to other hosts. The host
 * comes from TENANTS_DOMAIN; the scheme and port from {@link PublicEndpoint}, else from the
 * connection: the scheme it used (or a trusted proxy forwarded), the port the server listens on.
 * Never from the Host header, which the client chooses: a request naming port 1 must not make
 * Tenantry mail a link to port 1.
 */
@ApplicationScoped
public class TenantUrls {

    @Inject
    TenantsDomain domain;

    @Inject
    PublicEndpoint endpoint;

    @Inject
    TrustedProxies proxies;

    /** The address without a trailing slash, such as {@code https://acme.tenants.example.com}. */
    public String rootOf(TenantLabel label, HttpServletRequest request) {
        String scheme = endpoint.scheme().orElseGet(() -> proxies.scheme(request));
        // A scheme other than the connection's means a proxy in front, on that scheme's own port.
        int port = endpoint.port().orElse(scheme.equals(request.getScheme()) ? request.getLocalPort() : 0);
        return domain.urlOf(label, scheme, port);
    }

    public String publicRoot(HttpServletRequest request) {
        return rootOf(TenantLabel.PUBLIC, request);
    }
}
