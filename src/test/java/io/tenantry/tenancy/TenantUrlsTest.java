package io.tenantry.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.tenantry.platform.TrustedProxies;
import io.tenantry.testing.FakeRequest;

/** Addresses of tenants' hosts come from configuration and the connection, never from the Host header. */
class TenantUrlsTest {

    private static final TenantLabel ACME = new TenantLabel("acme");

    @Test
    void withoutSettingsTheListeningPortIsUsedNotTheHostHeaders() {
        var request = FakeRequest.of("203.0.113.9", "http", 8080, Map.of("Host", "public.example.com:1"));
        assertEquals("http://acme.example.com:8080", urls(PublicEndpoint.asConnected(), "").rootOf(ACME, request));
    }

    @Test
    void configuredSchemeAndPortWin() {
        var request = FakeRequest.of("203.0.113.9", "http", 8080, Map.of());
        assertEquals("https://public.example.com", urls(PublicEndpoint.of(Optional.of("https"), Optional.of("443")), "")
                .publicRoot(request));
        assertEquals("https://acme.example.com:8443",
                urls(PublicEndpoint.of(Optional.of("HTTPS"), Optional.of("8443")), "").rootOf(ACME, request));
    }

    @Test
    void aSchemeForwardedByATrustedProxyIsUsedOnItsDefaultPort() {
        var request = FakeRequest.of("10.0.0.2", "http", 8080, Map.of("X-Forwarded-Proto", "https"));
        assertEquals("https://acme.example.com", urls(PublicEndpoint.asConnected(), "10.0.0.0/8").rootOf(ACME, request));
        assertEquals("http://acme.example.com:8080", urls(PublicEndpoint.asConnected(), "").rootOf(ACME, request),
                "from a proxy not configured, the header is ignored");
    }

    @Test
    void whereAPersonAskedToGoIsOnTheSchemeTheyUsedBehindATrustedProxy() {
        var request = io.tenantry.testing.FakeRequest.to("http://acme.example.com:8080/cases.xhtml?id=4", "10.0.0.2",
                8080, Map.of("X-Forwarded-Proto", "https"));
        PublicAddresses addresses = new PublicAddresses();
        addresses.domain = TenantsDomain.of(Optional.of("example.com"));
        addresses.urls = urls(PublicEndpoint.asConnected(), "10.0.0.0/8");
        assertEquals("https://acme.example.com/cases.xhtml?id=4", addresses.requestedUrl(request));
        addresses.urls = urls(PublicEndpoint.of(Optional.of("https"), Optional.of("8443")), "");
        assertEquals("https://acme.example.com:8443/cases.xhtml?id=4", addresses.requestedUrl(request));
    }

    @Test
    void invalidSettingsFailNamingTheVariable() {
        IllegalStateException scheme = assertThrows(IllegalStateException.class,
                () -> PublicEndpoint.of(Optional.of("ftp"), Optional.empty()));
        assertTrue(scheme.getMessage().startsWith("PUBLIC_SCHEME 'ftp'"), scheme.getMessage());
        for (String port : new String[] {"0", "65536", "https", "-1"}) {
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> PublicEndpoint.of(Optional.empty(), Optional.of(port)));
            assertTrue(refused.getMessage().startsWith("PUBLIC_PORT '" + port + "'"), refused.getMessage());
        }
    }

    private static TenantUrls urls(PublicEndpoint endpoint, String trustedProxies) {
        TenantUrls urls = new TenantUrls();
        urls.domain = TenantsDomain.of(Optional.of("example.com"));
        urls.endpoint = endpoint;
        urls.proxies = TrustedProxies.of(Optional.of(trustedProxies));
        return urls;
    }
}
