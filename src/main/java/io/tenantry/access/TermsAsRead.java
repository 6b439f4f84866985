package io.tenantry.access;

import io.tenantry.tenancy.TenantContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/**
 * The terms of the request's tenant as they were when the request began ({@link AccessGate} reads
 * them first thing), as {@link TenantContext} holds the tenant as it was then: a change this request
 * saves is written over what it read, so a change made meanwhile (a slow body, another request or
 * instance) is refused with a 409, never undone.
 */
@RequestScoped
public class TermsAsRead {

    @Inject
    TenantContext context;

    @Inject
    TenantTermsDirectory directory;

    private TenantTerms read;

    /** The terms of the request's tenant, read once per request; refuses a request served for no tenant (IllegalStateException). */
    public TenantTerms terms() {
        if (read == null) {
            read = directory.of(context.tenant());
        }
        return read;
    }

    /** Reads them now, at the start of a request served for a tenant; nothing otherwise. */
    void readAtStart() {
        if (context.isEntered()) {
            terms();
        }
    }
}
