package io.tenantry.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.tenantry.testing.FakeRequest;

/** Forwarded headers are believed from the configured proxies only. */
class TrustedProxiesTest {

    private final TrustedProxies proxies = TrustedProxies.of(Optional.of("10.0.0.0/8, 192.168.1.5,2001:db8::/32"));

    @Test
    void addressesAndRangesAreMatchedBitByBit() {
        assertTrue(proxies.trusts("10.200.3.4"));
        assertTrue(proxies.trusts("192.168.1.5"));
        assertFalse(proxies.trusts("192.168.1.6"));
        assertFalse(proxies.trusts("11.0.0.1"));
        assertTrue(proxies.trusts("2001:db8:0:0:0:0:0:1"));
        assertFalse(proxies.trusts("2001:db9::1"));
        assertFalse(proxies.trusts("localhost"), "names are never looked up");
    }

    @Test
    void aClientsForwardedHeadersAreIgnored() {
        var request = FakeRequest.of("203.0.113.9", "http", 8080,
                Map.of("X-Forwarded-For", "198.51.100.1", "X-Forwarded-Proto", "https"));
        assertEquals("203.0.113.9", proxies.clientAddress(request));
        assertEquals("http", proxies.scheme(request));
        assertEquals("203.0.113.9", TrustedProxies.of(Optional.empty()).clientAddress(request), "none configured");
    }

    @Test
    void aTrustedProxyTellsTheClientAndTheScheme() {
        var request = FakeRequest.of("10.0.0.2", "http", 8080,
                Map.of("X-Forwarded-For", "198.51.100.1, 203.0.113.7, 10.1.1.1", "X-Forwarded-Proto", "https"));
        assertEquals("203.0.113.7", proxies.clientAddress(request),
                "the nearest address that is not a proxy: what came before it, anyone could have written");
        assertEquals("https", proxies.scheme(request));
    }

    @Test
    void theStandardForwardedHeaderIsReadToo() {
        var request = FakeRequest.of("10.0.0.2", "http", 8080,
                Map.of("Forwarded", "for=\"[2001:db8:cafe::17]:4711\";proto=https, for=10.0.0.7"));
        assertEquals("2001:db8:cafe::17", proxies.clientAddress(request));
        assertEquals("https", proxies.scheme(request));
    }

    @Test
    void aClientsOwnForwardedHeaderPassedThroughByTheProxyIsNotBelieved() {
        var request = FakeRequest.of("10.0.0.2", "http", 8080, Map.of("Forwarded", "for=198.51.100.66;proto=http",
                "X-Forwarded-For", "203.0.113.7", "X-Forwarded-Proto", "https"));
        assertEquals("203.0.113.7", proxies.clientAddress(request), "the proxy wrote X-Forwarded-For");
        assertEquals("https", proxies.scheme(request));
    }

    @Test
    void anUnknownForwardedSchemeKeepsTheConnections() {
        var request = FakeRequest.of("10.0.0.2", "http", 8080, Map.of("X-Forwarded-Proto", "gopher"));
        assertEquals("http", proxies.scheme(request));
    }

    @Test
    void anInvalidSettingFailsNamingTheVariable() {
        for (String value : new String[] {"proxy.example.com", "10.0.0.0/33", "10.0.0", "::1/129"}) {
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> TrustedProxies.of(Optional.of(value)));
            assertTrue(refused.getMessage().startsWith("TRUSTED_PROXIES '" + value + "'"), refused.getMessage());
            assertTrue(refused.getMessage().contains("TRUSTED_PROXIES=10.0.0.5"), "with an example");
        }
    }
}
