package io.tenantry.access;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.net.URLEncoder;
import java.util.Optional;

import io.tenantry.accounts.AccountConflictException;
import io.tenantry.accounts.BrowserSignIn;
import io.tenantry.accounts.Caller;
import io.tenantry.accounts.CurrentCaller;
import io.tenantry.accounts.InvalidAccountException;
import io.tenantry.accounts.PasswordChoice;
import io.tenantry.accounts.SingleUseLinks;
import io.tenantry.faces.Messages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Accepting an invitation, from the mailed link: signed in as the account of the invited address,
 * join; signed in as another, be told so; not signed in, sign in to that address's account, or
 * register one for it here. Joining lands in the tenant; see {@link InvitationAcceptance}.
 */
@Named
@RequestScoped
public class AcceptInvitationPage {

    @Inject
    InvitationAcceptance acceptance;

    @Inject
    BrowserSignIn browserSignIn;

    @Inject
    CurrentCaller caller;

    private final PasswordChoice password = new PasswordChoice();
    private String token;
    private String username;
    private String displayName;
    private InvitationAcceptance.Offer offer;
    private String refusal;

    /** What the link offers; empty (with {@link #getRefusal}) when it cannot be used. */
    public Optional<InvitationAcceptance.Offer> getOffer() {
        if (offer == null && refusal == null && token != null) {
            try {
                offer = acceptance.look(token);
            } catch (SingleUseLinks.LinkRefusedException e) {
                refusal = Messages.reason(e);
            }
        }
        return Optional.ofNullable(offer);
    }

    public String getRefusal() {
        getOffer();
        return refusal;
    }

    /** The user name of the browser's account, or null when it is signed in as no one. */
    public String getSignedInAs() {
        return caller.signedIn().map(Caller::username).orElse(null);
    }

    /** Whether the browser is signed in as the account of the invited address. */
    public boolean isInvitee() {
        return getOffer().isPresent() && caller.signedIn().map(me -> me.accountId())
                .flatMap(id -> acceptance.addressOf(id)).filter(offer.email()::equals).isPresent();
    }

    /** Where to sign in and come back to this link. */
    public String getSignInAddress() {
        return "signin.xhtml?next=" + URLEncoder.encode("/accept-invitation.xhtml?token=" + token, UTF_8);
    }

    /** Joins as the signed-in account. */
    public void join() throws IOException {
        InvitationAcceptance.Accepted accepted;
        try {
            accepted = acceptance.acceptAsCaller(token);
        } catch (SingleUseLinks.LinkRefusedException | PlanLimitException e) {
            Messages.failure(e);
            return;
        }
        FacesContext.getCurrentInstance().getExternalContext().redirect("/go/" + accepted.tenant().label().value());
    }

    /** Registers an account for the invited address, signs it in and joins. */
    public void register() throws IOException {
        if (!password.confirmed()) {
            return;
        }
        InvitationAcceptance.Accepted accepted;
        try {
            accepted = acceptance.register(token, username, displayName, password.getValue());
        } catch (InvalidAccountException | AccountConflictException | SingleUseLinks.LinkRefusedException
                | PlanLimitException e) {
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

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }
}
