package io.tenantry.accounts;

import java.util.List;

import io.tenantry.web.Messages;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

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

    private Account account;
    private String email;
    private String displayName;
    private String currentPassword;
    private final PasswordChoice newPassword = new PasswordChoice();
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
            account = accounts.changeProfile(account.id(), email, displayName);
            Messages.info("profile.saved");
        } catch (InvalidAccountException | AccountConflictException e) {
            Messages.failure(e);
        }
    }

    public void changePassword() {
        if (!newPassword.confirmed()) {
            return;
        }
        try {
            accounts.changePassword(account.id(), currentPassword, newPassword.getValue());
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
