package io.tenantry.access;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.time.LocalDateTime;
import java.util.List;

import org.primefaces.model.file.UploadedFile;

import io.tenantry.accounts.Caller;
import io.tenantry.accounts.CurrentCaller;
import io.tenantry.platform.RefusedException;
import io.tenantry.tenancy.Tenant;
import io.tenantry.tenancy.TenantContext;
import io.tenantry.faces.EditedInstant;
import io.tenantry.tenancy.TenantUrls;
import io.tenantry.faces.Messages;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The tenant's settings page; paid-until is shown to all who may see it and changed by the
 * super-user only; the plan, with what it allows and what the tenant uses, to all who may see it, and
 * the paid periods to the owner; what only the owner decides (visibility, extra e-mails, ownership) is shown
 * read-only to everyone else.
 */
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

    @Inject
    transient Members members;

    @Inject
    transient TenantUrls urls;

    @Inject
    TermsAsRead termsAsRead;

    private TenantFields form;
    private String extraEmails;
    private String navText;
    private LocalDateTime paidUntil;
    private transient UploadedFile logo;
    private List<String> ownerCandidates;
    private String newOwner;
    private MemberLimit.Use plan;
    private List<Renewals.Renewal> renewals;

    @PostConstruct
    void load() {
        Tenant tenant = context.tenant();
        TenantTerms terms = termsAsRead.terms();
        form = new TenantFields(tenant.name(), terms.organization(), terms.publiclyReadable());
        extraEmails = String.join(", ", terms.extraEmails());
        navText = terms.navText();
        paidUntil = EditedInstant.shown(terms.paidUntil());
        ownerCandidates = settings.mayDecideAsOwner() && settings.mayChange() ? otherMembers() : List.of();
        plan = settings.mayChange() ? settings.plan() : null;
        renewals = settings.mayDecideAsOwner() && settings.mayChange() ? settings.renewals() : List.of();
    }

    /** The tenant's plan and what it uses of it; null for whoever may not see the settings. */
    public MemberLimit.Use getPlan() {
        return plan;
    }

    /** The tenant's paid periods, newest first, for its owner and super-users; empty for others. */
    public List<Renewals.Renewal> getRenewals() {
        return renewals;
    }

    /** The members who could become owner; none for a super-user who is not a member here. */
    private List<String> otherMembers() {
        try {
            return members.list().stream().filter(member -> !member.owner()).map(Member::username).toList();
        } catch (RefusedException notAMember) {
            return List.of();
        }
    }

    /** Offers the tenant to a member, who becomes owner on accepting; the caller stays owner until then. */
    public String transferOwnership() {
        try {
            settings.offerOwnership(newOwner, urls.rootOf(context.tenant().label(),
                    (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest()));
            return reopened("settings.ownershipOffered", newOwner);
        } catch (RefusedException | IllegalArgumentException e) {
            Messages.failure(e);
            return null;
        }
    }

    /**
     * This page again, by a redirect (post-redirect-get) with the message kept: the request's tenant
     * is the one read before the change, so the page and its header would show the old terms.
     */
    private static String reopened(String messageKey, Object... arguments) {
        Messages.info(messageKey, arguments);
        FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
        return "/settings.xhtml?faces-redirect=true";
    }

    public String save() {
        try {
            settings.change(form.getName(), form.getOrganization(), form.isPubliclyReadable(), extraEmails, navText);
            if (isSuperUser()) {
                settings.changePaidUntil(EditedInstant.saved(termsAsRead.terms().paidUntil(), paidUntil));
            }
            return reopened("settings.saved");
        } catch (RefusedException | IllegalArgumentException e) {
            Messages.failure(e);
            return null;
        }
    }

    public void uploadLogo() throws IOException {
        if (logo == null || logo.getSize() == 0) {
            Messages.error("settings.noFile");
            return;
        }
        try (InputStream in = logo.getInputStream()) {
            settings.changeLogo(in);
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

    public boolean isMayDecideAsOwner() {
        return settings.mayDecideAsOwner();
    }

    public List<String> getOwnerCandidates() {
        return ownerCandidates;
    }

    public String getNewOwner() {
        return newOwner;
    }

    public void setNewOwner(String newOwner) {
        this.newOwner = newOwner;
    }

    public boolean isSuperUser() {
        return caller.signedIn().map(Caller::actsAsSuperUser).orElse(false);
    }

    public boolean isHasLogo() {
        return settings.logo().isPresent();
    }

    public TenantFields getForm() {
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

    public LocalDateTime getPaidUntil() {
        return paidUntil;
    }

    public void setPaidUntil(LocalDateTime paidUntil) {
        this.paidUntil = paidUntil;
    }

    public UploadedFile getLogo() {
        return logo;
    }

    public void setLogo(UploadedFile logo) {
        this.logo = logo;
    }
}
