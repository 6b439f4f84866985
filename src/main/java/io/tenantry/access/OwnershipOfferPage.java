package io.tenantry.access;

import io.tenantry.platform.RefusedException;
import io.tenantry.faces.Messages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The member offered the tenant sees the offer here and accepts it; see {@link TenantSettings#offerOwnership}. */
@Named
@RequestScoped
public class OwnershipOfferPage {

    @Inject
    TenantSettings settings;

    public boolean isOffered() {
        return settings.hasOwnershipOffer();
    }

    /** Accepts, then opens the settings, which are now the caller's to decide. */
    public String accept() {
        try {
            settings.acceptOwnership();
            Messages.info("ownership.accepted");
            FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
            return "/settings.xhtml?faces-redirect=true";
        } catch (RefusedException e) {
            Messages.failure(e);
            return null;
        }
    }
}
