package io.tenantry.accounts;

import java.util.List;

import io.tenantry.tenancy.TenantUrls;
import io.tenantry.faces.Messages;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

/** The signed-in person's own account: details, password, API tokens; {@link MyAccount} decides who may. */
@Named
@RequestScoped
public class ProfilePage {

    @Inject
    MyAccount myAccount;

    @Inject
    SignIns signIns;

    @Inject
    HostSessions sessions;

    @Inject
    TenantUrls urls;

    private Account account;
    private String email;
    private String displayName;
    private String detailsPassword;
    private String currentPassword;
    private final PasswordChoice newPassword = new PasswordChoice();
    // On by default, as on the reset page: a password changed because it leaked should take the tokens along.
    private boolean revokeTokens = true;
    private String tokenName;
    private String tokenPassword;
    private String issuedSecret;

    @PostConstruct
    void load() {
        account = myAccount.details();
        email = account.email();
        displayName = account.displayName;
    }

    public void saveDetails() {
        try {
            MyAccount.DetailsSaved saved = myAccount.changeDetails(email, displayName, detailsPassword,
                    urls.publicRoot(request()));
            account = saved.account();
            // The address shown is the one in force: a new one waits for its link.
            email = account.email();
            saved.confirming().ifPresentOrElse(address -> Messages.info("profile.confirmationSent", address),
                    () -> Messages.info("profile.saved"));
        } catch (InvalidAccountException | AccountConflictException | NotPermittedException
                | TooManyAttemptsException e) {
            Messages.failure(e);
        }
    }

    public void changePassword() {
        if (!newPassword.confirmed()) {
            return;
        }
        try {
            myAccount.changePassword(currentPassword, newPassword.getValue(), revokeTokens);
            // Every sign-in ended with the old password; this session goes on, under a new sign-in and session id.
            sessions.begin(request(), signIns.start(account.id()));
            Messages.info("profile.passwordChanged");
        } catch (InvalidAccountException e) {
            Messages.failure(e);
        }
    }

    private static HttpServletRequest request() {
        return (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
    }

    public void createToken() {
        try {
            issuedSecret = myAccount.createToken(tokenName, tokenPassword).secret();
            tokenName = null;
        } catch (InvalidAccountException | NotPermittedException | TooManyAttemptsException e) {
            Messages.failure(e);
        }
    }

    public void revoke(long tokenId) {
        myAccount.revokeToken(tokenId);
    }

    public List<ApiTokens.Token> getTokens() {
        return myAccount.tokens();
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

    /** Asked with the details: needed only when the e-mail address changes. */
    public String getDetailsPassword() {
        return detailsPassword;
    }

    public void setDetailsPassword(String detailsPassword) {
        this.detailsPassword = detailsPassword;
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

    public String getTokenPassword() {
        return tokenPassword;
    }

    public void setTokenPassword(String tokenPassword) {
        this.tokenPassword = tokenPassword;
    }
}
