package io.tenantry.access;

import java.io.IOException;

import io.tenantry.accounts.BrowserSignIn;
import io.tenantry.accounts.InvalidAccountException;
import io.tenantry.accounts.PasswordChoice;
import io.tenantry.accounts.SingleUseLinks;
import io.tenantry.web.Messages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

/** Accepting an invitation: choose a password, be signed in, land in the tenant. */
@Named
@RequestScoped
public class AcceptInvitationPage {

    @Inject
    InvitationAcceptance acceptance;

    @Inject
    BrowserSignIn browserSignIn;

    private final PasswordChoice password = new PasswordChoice();
    private String token;

    public void accept() throws IOException {
        if (!password.confirmed()) {
            return;
        }
        InvitationAcceptance.Accepted accepted;
        try {
            accepted = acceptance.accept(token, password.getValue());
        } catch (InvalidAccountException | SingleUseLinks.LinkRefusedException e) {
            Messages.failure(e);
            return;
        }
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        browserSignIn.signIn((HttpServletRequest) external.getRequest(), accepted.account(), null);
        external.redirect("/go/" + accepted.tenant().label().value());
    }

    public PasswordChoice getPassword() {
        return password;
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }
}
