package io.tenantry.accounts;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The Origin a browser sends must name the very host and port the request came to. */
class SameOriginWritesTest {

    @Test
    void anOriginMatchesTheHostAndPortWhateverTheScheme() {
        assertTrue(SameOriginWrites.sameHost("http://acme.tenantry.test", "acme.tenantry.test"));
        assertTrue(SameOriginWrites.sameHost("https://acme.tenantry.test", "acme.tenantry.test"), "TLS ended by a proxy");
        assertTrue(SameOriginWrites.sameHost("http://Acme.localhost:8080", "acme.localhost:8080"));
    }

    @Test
    void anyOtherHostPortOrAnOpaqueOriginDoesNot() {
        assertFalse(SameOriginWrites.sameHost("http://globex.tenantry.test", "acme.tenantry.test"), "another tenant");
        assertFalse(SameOriginWrites.sameHost("http://acme.tenantry.test.evil.example", "acme.tenantry.test"));
        assertFalse(SameOriginWrites.sameHost("http://acme.localhost:8081", "acme.localhost:8080"), "another port");
        assertFalse(SameOriginWrites.sameHost("http://acme.localhost", "acme.localhost:8080"));
        assertFalse(SameOriginWrites.sameHost("null", "acme.tenantry.test"), "a sandboxed page or a data: URL");
        assertFalse(SameOriginWrites.sameHost("http://acme.tenantry.test", null));
        assertFalse(SameOriginWrites.sameHost("http://[bad", "acme.tenantry.test"));
    }
}
