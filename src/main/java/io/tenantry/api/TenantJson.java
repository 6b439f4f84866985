package io.tenantry.api;

import java.time.Instant;

import io.tenantry.tenancy.Tenant;
import io.tenantry.tenancy.TenantsDomain;

/** A tenant as the API shows it. */
public record TenantJson(String label, String name, String url, Instant createdAt, String schemaVersion) {

    static TenantJson of(Tenant tenant, TenantsDomain domain, String scheme, int port) {
        String portPart = port == -1 || port == 80 && "http".equals(scheme) || port == 443 && "https".equals(scheme)
                ? "" : ":" + port;
        return new TenantJson(tenant.label().value(), tenant.name(),
                scheme + "://" + domain.hostOf(tenant.label()) + portPart + "/", tenant.createdAt(), tenant.schemaVersion());
    }

    /** What a client sends to create a tenant. */
    public record New(String label, String name) {
    }
}
