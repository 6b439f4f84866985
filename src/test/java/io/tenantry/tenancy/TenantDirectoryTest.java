package io.tenantry.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class TenantDirectoryTest {

    private static final TenantLabel LABEL = new TenantLabel("acme");
    private static final Tenant ACME = new Tenant(7, LABEL, SchemaName.of(LABEL), "Acme", Instant.EPOCH, "6.4",
            "files-7", false, null);

    @Test
    void aTenantDeletedWhileItsLookupReadTheRegistryIsNotKept() {
        TenantDirectory directory = new TenantDirectory();
        // The deletion's announcement reaches this instance after the registry answered, before the answer is kept.
        directory.registry = new TenantRegistry() {
            @Override
            public Optional<Tenant> find(TenantLabel label) {
                directory.remove(label);
                return Optional.of(ACME);
            }
        };
        assertEquals(Optional.of(ACME), directory.find(LABEL), "this request saw it");
        assertTrue(directory.all().isEmpty(), "the next one asks the registry again");
    }

    @Test
    void aTenantDeletedWhileItWasReadAgainIsNotKept() {
        TenantDirectory directory = new TenantDirectory();
        directory.registry = new TenantRegistry() {
            @Override
            public Optional<Tenant> find(TenantLabel label) {
                directory.remove(label);
                return Optional.of(ACME);
            }
        };
        directory.refresh(LABEL);
        assertTrue(directory.all().isEmpty());
    }

    @Test
    void aTenantFoundIsKept() {
        TenantDirectory directory = new TenantDirectory();
        directory.registry = new TenantRegistry() {
            @Override
            public Optional<Tenant> find(TenantLabel label) {
                return Optional.of(ACME);
            }
        };
        directory.find(LABEL);
        assertEquals(java.util.List.of(ACME), java.util.List.copyOf(directory.all()));
    }
}
