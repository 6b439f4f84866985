package io.tenantry.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

class TenantDirectoryTest {

    private static final TenantLabel LABEL = new TenantLabel("acme");
    private static final Tenant ACME = new Tenant(7, LABEL, SchemaName.of(LABEL), "Acme", Instant.EPOCH, "6.4",
            "files-7", false, null);

    @Test
    void aTenantDeletedWhileItsLookupReadTheRegistryIsNotKept() {
        // The deletion's announcement reaches this instance after the registry answered, before the answer is kept.
        TenantDirectory directory = answeringAcme(meanwhile -> meanwhile.remove(LABEL));
        assertEquals(Optional.of(ACME), directory.find(LABEL), "this request saw it");
        assertTrue(directory.all().isEmpty(), "the next one asks the registry again");
    }

    @Test
    void aTenantDeletedWhileItWasReadAgainIsNotKept() {
        TenantDirectory directory = answeringAcme(meanwhile -> meanwhile.remove(LABEL));
        directory.refresh(LABEL);
        assertTrue(directory.all().isEmpty());
    }

    @Test
    void aReloadDuringWhichAnotherTenantChangedKeepsEveryTenantItRead() {
        TenantDirectory directory = answeringAcme(meanwhile -> meanwhile.remove(new TenantLabel("neighbour")));
        directory.reload();
        assertEquals(List.of(ACME), List.copyOf(directory.all()));
    }

    @Test
    void aReloadDuringWhichATenantWasDeletedDoesNotKeepIt() {
        TenantDirectory directory = answeringAcme(meanwhile -> meanwhile.remove(LABEL));
        directory.reload();
        assertTrue(directory.all().isEmpty());
    }

    /**
     * A restore ends on this instance (which puts the tenant back in service) while a refresh, announced by the
     * restore's start, is reading the row still leased: the refresh must not put the lease back, or this instance
     * answers 503 until the end's own announcement arrives (RestorePointsIT met it under load).
     */
    @Test
    void aTenantPutWhileItWasReadAgainKeepsWhatWasPut() {
        Tenant restoring = new Tenant(7, LABEL, SchemaName.of(LABEL), "Acme", Instant.EPOCH, "6.4", "files-7", false,
                Instant.EPOCH.plusSeconds(60));
        TenantDirectory directory = answering(restoring, meanwhile -> meanwhile.put(ACME));
        directory.refresh(LABEL);
        assertEquals(List.of(ACME), List.copyOf(directory.all()));
    }

    @Test
    void aTenantFoundIsKept() {
        TenantDirectory directory = answeringAcme(meanwhile -> { });
        directory.find(LABEL);
        assertEquals(List.of(ACME), List.copyOf(directory.all()));
    }

    /** A directory whose registry answers Acme to every lookup and reload, after doing {@code meanwhile} to the directory. */
    private static TenantDirectory answeringAcme(Consumer<TenantDirectory> meanwhile) {
        return answering(ACME, meanwhile);
    }

    /** A directory whose registry answers {@code read} to every lookup and reload, after doing {@code meanwhile} to the directory. */
    private static TenantDirectory answering(Tenant read, Consumer<TenantDirectory> meanwhile) {
        TenantDirectory directory = new TenantDirectory();
        directory.registry = new TenantRegistry() {
            @Override
            public Optional<Tenant> find(TenantLabel label) {
                meanwhile.accept(directory);
                return Optional.of(read);
            }

            @Override
            public List<Tenant> all() {
                meanwhile.accept(directory);
                return List.of(read);
            }
        };
        return directory;
    }
}
