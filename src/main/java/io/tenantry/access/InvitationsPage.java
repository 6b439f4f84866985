package io.tenantry.access;

import java.io.Serializable;
import java.util.List;

import io.tenantry.accounts.TooManyAttemptsException;
import io.tenantry.tenancy.TenantContext;
import io.tenantry.tenancy.TenantUrls;
import io.tenantry.faces.Messages;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

/** Invite people by e-mail; see, resend and revoke pending invitations. */
@Named
@ViewScoped
public class InvitationsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient Invitations invitations;

    @Inject
    transient TenantUrls urls;

    @Inject
    transient TenantContext context;

    private String emails;

    public void invite() {
        try {
            for (Invitations.Result result : invitations.invite(Invitations.addressesIn(emails), publicRoot(),
                    urls.rootOf(context.tenant().label(), request()))) {
                Messages.info("invitations." + result.outcome().name().toLowerCase(java.util.Locale.ROOT),
                        result.email());
            }
            emails = null;
        } catch (IllegalArgumentException | TooManyAttemptsException | PlanLimitException e) {
            Messages.failure(e);
        }
    }

    public List<Invitations.Pending> getPending() {
        return invitations.pending();
    }

    public void resend(Invitations.Pending pending) {
        try {
            invitations.resend(pending.id(), publicRoot(), urls.rootOf(context.tenant().label(), request()));
            Messages.info("invitations.sent_again", pending.email());
        } catch (TooManyAttemptsException e) {
            Messages.failure(e);
        }
    }

    public void revoke(Invitations.Pending pending) {
        invitations.revoke(pending.id());
        Messages.info("invitations.revoked", pending.email());
    }

    private String publicRoot() {
        return urls.publicRoot(request());
    }

    private static HttpServletRequest request() {
        return (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
    }

    public String getEmails() {
        return emails;
    }

    public void setEmails(String emails) {
        this.emails = emails;
    }
}
