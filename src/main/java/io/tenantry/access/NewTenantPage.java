package io.tenantry.access;

import java.io.IOException;

import io.tenantry.accounts.NotPermittedException;
import io.tenantry.provisioning.TenantConflictException;
import io.tenantry.tenancy.InvalidTenantLabelException;
import io.tenantry.tenancy.Tenant;
import io.tenantry.tenancy.TenantDirectory;
import io.tenantry.tenancy.TenantLabel;
import io.tenantry.tenancy.TenantsDomain;
import io.tenantry.faces.Messages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The new-tenant form: the label is checked as it is typed, showing the rule and the address it gives. */
@Named
@RequestScoped
public class NewTenantPage {

    @Inject
    TenantCreation creation;

    @Inject
    TenantDirectory directory;

    @Inject
    TenantsDomain domain;

    private String label;
    private final TenantFields form = new TenantFields();

    /** What the label typed so far gives: the address, or why it cannot be used. */
    public String getLabelVerdict() {
        if (label == null || label.isBlank()) {
            return Messages.text("newTenant.labelRule", domain.name());
        }
        try {
            TenantLabel checked = TenantLabel.forNewTenant(label);
            if (directory.find(checked).isPresent()) {
                return Messages.text("newTenant.labelTaken", checked.value());
            }
            return Messages.text("newTenant.labelAddress", domain.hostOf(checked));
        } catch (InvalidTenantLabelException e) {
            return Messages.reason(e);
        }
    }

    public boolean isMayCreate() {
        return creation.mayCreate();
    }

    public void create() throws IOException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        Tenant tenant;
        try {
            tenant = creation.create(new TenantCreation.Request(label, form.getName(), form.getOrganization(),
                    form.isPubliclyReadable()));
        } catch (IllegalArgumentException | TenantConflictException | NotPermittedException | PlanLimitException e) {
            Messages.failure(e);
            return;
        }
        external.redirect("/go/" + tenant.label().value());
    }

    public TenantFields getForm() {
        return form;
    }

    public String getLabel() {
        return label;
    }

    public void setLabel(String label) {
        this.label = label;
    }
}
