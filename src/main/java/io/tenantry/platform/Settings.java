package io.tenantry.platform;

import java.util.Optional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.tenantry.tenancy.TenantsDomain;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/** Turns settings read through MicroProfile Config into checked values. */
@ApplicationScoped
public class Settings {

    @Inject
    @ConfigProperty(name = "tenants.domain")
    Optional<String> tenantsDomain;

    @Produces
    @Singleton
    TenantsDomain tenantsDomain() {
        return TenantsDomain.of(tenantsDomain);
    }
}
