package io.tenantry.admin;

import io.tenantry.tenancy.MasterTenant;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreRemove;
import jakarta.persistence.PreUpdate;

/**
 * The second line behind {@link MasterOnlyInterceptor}, on the entities themselves: a master-only
 * entity is never loaded, written or removed while another tenant is served, whichever code asks.
 */
public class MasterOnlyGuard {

    @PostLoad
    @PrePersist
    @PreUpdate
    @PreRemove
    void onlyOnTheMasterTenant(Object entity) {
        if (!entity.getClass().isAnnotationPresent(MasterOnly.class)) {
            throw new IllegalStateException(entity.getClass() + " is guarded but not marked @MasterOnly");
        }
        CDI.current().select(MasterTenant.class).get().requireCurrent();
    }
}
