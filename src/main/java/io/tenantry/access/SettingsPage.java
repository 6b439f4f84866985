package io.tenantry.access;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

import org.primefaces.model.file.UploadedFile;

import io.tenantry.accounts.Caller;
import io.tenantry.accounts.CurrentCaller;
import io.tenantry.provisioning.TenantForm;
import io.tenantry.tenancy.Tenant;
import io.tenantry.tenancy.TenantContext;
import io.tenantry.web.Messages;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The tenant's settings page; paid-until is shown to all who may see it and changed by the super-user only. */
@Named
@ViewScoped
public class SettingsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient TenantSettings settings;

    @Inject
    transient TenantContext context;

    @Inject
    transient CurrentCaller caller;

    private TenantForm form;
    private String extraEmails;
    private String navText;
    private LocalDate paidUntil;
    private transient UploadedFile logo;

    @PostConstruct
    void load() {
        Tenant tenant = context.tenant();
        form = new TenantForm(tenant.name(), tenant.terms().organization(), tenant.terms().publiclyReadable());
        extraEmails = String.join(", ", tenant.terms().extraEmails());
        navText = tenant.terms().navText();
        paidUntil = tenant.terms().paidUntil().map(until -> LocalDate.ofInstant(until.minusSeconds(1), ZoneOffset.UTC))
                .orElse(null);
    }

    public void save() {
        try {
            settings.change(form.getName(), form.getOrganization(), form.isPubliclyReadable(), extraEmails, navText);
            if (isSuperUser()) {
                settings.changePaidUntil(Optional.ofNullable(paidUntil)
                        .map(day -> day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)));
            }
            Messages.info("settings.saved");
        } catch (IllegalArgumentException e) {
            Messages.failure(e);
        }
    }

    public void uploadLogo() throws IOException {
        if (logo == null || logo.getSize() == 0) {
            Messages.error("settings.noFile");
            return;
        }
        try (InputStream in = logo.getInputStream()) {
            settings.changeLogo(in.readAllBytes());
            Messages.info("settings.logoSaved");
        } catch (IllegalArgumentException e) {
            Messages.failure(e);
        }
    }

    public void removeLogo() {
        settings.removeLogo();
        Messages.info("settings.logoRemoved");
    }

    public boolean isMayChange() {
        return settings.mayChange();
    }

    public boolean isSuperUser() {
        return caller.signedIn().map(Caller::actsAsSuperUser).orElse(false);
    }

    public boolean isHasLogo() {
        return settings.logo().isPresent();
    }

    public TenantForm getForm() {
        return form;
    }

    public String getExtraEmails() {
        return extraEmails;
    }

    public void setExtraEmails(String extraEmails) {
        this.extraEmails = extraEmails;
    }

    public String getNavText() {
        return navText;
    }

    public void setNavText(String navText) {
        this.navText = navText;
    }

    public LocalDate getPaidUntil() {
        return paidUntil;
    }

    public void setPaidUntil(LocalDate paidUntil) {
        this.paidUntil = paidUntil;
    }

    public UploadedFile getLogo() {
        return logo;
    }

    public void setLogo(UploadedFile logo) {
        this.logo = logo;
    }
}
