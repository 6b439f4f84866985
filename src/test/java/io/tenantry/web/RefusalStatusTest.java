package io.tenantry.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.tenantry.accounts.NotPermittedException;
import io.tenantry.accounts.NotSignedInException;
import io.tenantry.tenancy.TenantLabel;
import io.tenantry.tenancy.TenantRestoringException;
import io.tenantry.tenancy.TenantUpgradingException;
import jakarta.faces.FacesException;

/** The error page a refusal met while a page is built stands for, found among the failure's causes. */
class RefusalStatusTest {

    @Test
    void aTenantOutOfServiceUnderThePageIs503() {
        TenantLabel label = new TenantLabel("acme");
        assertEquals(Optional.of(503), RefusalPages.statusOf(new FacesException(new TenantUpgradingException(label))));
        assertEquals(Optional.of(503), RefusalPages.statusOf(new FacesException(new TenantRestoringException(label))));
    }

    @Test
    void theFirstRefusalAmongTheCausesDecidesAndOtherFailuresAreNone() {
        assertEquals(Optional.of(401), RefusalPages.statusOf(new FacesException(new NotSignedInException())));
        assertEquals(Optional.of(403), RefusalPages.statusOf(new NotPermittedException("notPermitted")));
        assertEquals(Optional.empty(), RefusalPages.statusOf(new FacesException(new IllegalStateException("a bug"))));
    }
}
