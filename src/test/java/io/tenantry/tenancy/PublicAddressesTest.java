package io.tenantry.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;


/** Where sign-in may send a browser back to: our hosts only, never elsewhere. */
class PublicAddressesTest {

    private final PublicAddresses addresses = new PublicAddresses();

    PublicAddressesTest() {
        addresses.domain = TenantsDomain.of(Optional.of("example.com"));
    }

    @Test
    void aTenantAddressIsSplitIntoTenantAndPath() {
        PublicAddresses.Target target = addresses.targetOf("https://acme.example.com:8443/runs?id=4").orElseThrow();
        assertEquals(new TenantLabel("acme"), target.label());
        assertEquals("/runs?id=4", target.path());
        assertEquals(TenantLabel.PUBLIC, addresses.targetOf("http://example.com/").orElseThrow().label());
    }

    @Test
    void foreignHostsAndOtherSchemesAreRefused() {
        for (String url : new String[] {"https://evil.example.org/", "https://acme.example.com.evil.org/",
                "javascript:alert(1)", "//acme.example.com/x", "/relative", "", "http://a.b.example.com/",
                "ftp://acme.example.com/"}) {
            assertTrue(addresses.targetOf(url).isEmpty(), url);
        }
    }

    @Test
    void onlyLocalPathsAreKept() {
        assertEquals("/x?y=1", PublicAddresses.safeLocalPath("/x?y=1"));
        // Browsers drop tabs and line breaks from a URL and read a backslash as "/" (WHATWG URL): "/<tab>/evil" is "//evil".
        for (String path : new String[] {"//evil.example.org/", "/\\evil.example.org", "https://evil.example.org/",
                "x", null, "/\t/evil.example.org", "/\n/evil.example.org", "/\r\n/evil.example.org", "/.\\evil.example.org",
                "/x\u0000"}) {
            assertEquals("/", PublicAddresses.safeLocalPath(path), String.valueOf(path));
        }
    }
}
