package io.tenantry.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TenantsDomainTest {

    private final TenantsDomain domain = TenantsDomain.of(Optional.of("Tenants.Example.com."));

    @Test
    void readsTenantLabelsFromHostNames() {
        assertEquals(Optional.of(new TenantLabel("acme")), domain.labelOf("acme.tenants.example.com"));
        assertEquals(Optional.of(new TenantLabel("acme-inc")), domain.labelOf("ACME-Inc.Tenants.Example.COM:8443"));
        assertEquals(Optional.of(new TenantLabel("acme")), domain.labelOf("acme.tenants.example.com."));
    }

    @Test
    void theBareDomainAndPublicAreThePublicTenant() {
        assertEquals(Optional.of(TenantLabel.PUBLIC), domain.labelOf("tenants.example.com"));
        assertEquals(Optional.of(TenantLabel.PUBLIC), domain.labelOf("public.tenants.example.com:80"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"acme.tenants.example.com.evil.org", "eviltenants.example.com", "x.acme.tenants.example.com",
            "127.0.0.1", "127.0.0.1:8080", "[::1]:8080", "acme", "-acme.tenants.example.com",
            "acme_x.tenants.example.com", "acme.tenants.example.com:80:80", "acme.tenants.example.com:http",
            ".tenants.example.com", " ", "example.com"})
    void otherHostsNameNoTenant(String host) {
        assertEquals(Optional.empty(), domain.labelOf(host));
    }

    @Test
    void noHostHeaderNamesNoTenant() {
        assertEquals(Optional.empty(), domain.labelOf(null));
    }

    @Test
    void aMissingDomainIsRefusedWithAnExample() {
        IllegalStateException missing = assertThrows(IllegalStateException.class, () -> TenantsDomain.of(Optional.empty()));
        assertTrue(missing.getMessage().contains("TENANTS_DOMAIN is not set"), missing.getMessage());
        assertTrue(missing.getMessage().contains("TENANTS_DOMAIN=tenants.example.com"), missing.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://example.com", "example..com", "-example.com", "exa_mple.com", "10.0.0.1", "   "})
    void anInvalidDomainIsRefusedNamingTheVariable(String value) {
        IllegalStateException invalid = assertThrows(IllegalStateException.class, () -> TenantsDomain.of(Optional.of(value)));
        assertTrue(invalid.getMessage().startsWith("TENANTS_DOMAIN"), invalid.getMessage());
    }

    @Test
    void localhostIsAValidDevelopmentDomain() {
        TenantsDomain local = TenantsDomain.of(Optional.of("localhost"));
        assertEquals(Optional.of(new TenantLabel("acme")), local.labelOf("acme.localhost:8080"));
        assertEquals("acme.localhost", local.hostOf(new TenantLabel("acme")));
    }
}
