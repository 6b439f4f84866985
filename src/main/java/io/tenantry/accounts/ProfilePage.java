package io.tenantry.accounts;

import java.util.List;

import io.tenantry.web.Messages;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

/** The signed-in person's own account: details, password, API tokens. */
@Named
@RequestScoped
public class ProfilePage {

    @Inject
    CurrentCaller caller;

    @Inject
    Accounts accounts;

    @Inject
    ApiTokens tokens;

    @Inject
    SignIns signIns;

    @Inject
    HostSessions sessions;

    @Inject
    EmailChangeThrottle emailChanges;

    private Account account;
    private String email;
    private String displayName;
    private String currentPassword;
    private final PasswordChoice newPassword = new PasswordChoice();
    // On by default, as on the reset page: a password changed because it leaked should take the tokens along.
    private boolean revokeTokens = true;
    private String tokenName;
    private String issuedSecret;

    @PostConstruct
    void load() {
        account = accounts.findActive(caller.require().accountId()).orElseThrow(NotSignedInException::new);
        email = account.email();
        displayName = account.displayName;
    }

    public void saveDetails() {
        try {
            emailChanges.check(account.id());
            account = accounts.changeProfile(account.id(), email, displayName);
            Messages.info("profile.saved");
        } catch (AccountConflictException e) {
            emailChanges.refused(account.id());
            Messages.failure(e);
        } catch (InvalidAccountException | TooManyAttemptsException e) {
            Messages.failure(e);
        }
    }

    public void changePassword() {
        if (!newPassword.confirmed()) {
            return;
        }
        try {
            accounts.changePassword(account.id(), currentPassword, newPassword.getValue(), revokeTokens);
            // Every sign-in ended with the old password; this session goes on, under a new sign-in and session id.
            sessions.begin((HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest(),
                    signIns.start(account.id()));
            Messages.info("profile.passwordChanged");
        } catch (InvalidAccountException e) {
            Messages.failure(e);
        }
    }

    public void createToken() {
        try {
            issuedSecret = tokens.create(account.id(), tokenName).secret();
            tokenName = null;
        } catch (InvalidAccountException e) {
            Messages.failure(e);
        }
    }

    public void revoke(long tokenId) {
        tokens.revoke(account.id(), tokenId);
    }

    public List<ApiTokens.Token> getTokens() {
        return tokens.of(account.id());
    }

    public Account getAccount() {
        return account;
    }

    public String getIssuedSecret() {
        return issuedSecret;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getCurrentPassword() {
        return currentPassword;
    }

    public void setCurrentPassword(String currentPassword) {
        this.currentPassword = currentPassword;
    }

    public boolean isRevokeTokens() {
        return revokeTokens;
    }

    public void setRevokeTokens(boolean revokeTokens) {
        this.revokeTokens = revokeTokens;
    }

    public PasswordChoice getNewPassword() {
        return newPassword;
    }

    public String getTokenName() {
        return tokenName;
    }

    public void setTokenName(String tokenName) {
        this.tokenName = tokenName;
    }
}
