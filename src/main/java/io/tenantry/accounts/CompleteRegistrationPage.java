package io.tenantry.accounts;

import java.io.IOException;

import io.tenantry.platform.TrustedProxies;
import io.tenantry.faces.Messages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Registration, second step, from the mailed link: the user name, display name and password; the
 * new account is signed in at once. Refused names count against the address
 * ({@link RegistrationThrottle}), as they tell which names are taken.
 */
@Named
@RequestScoped
public class CompleteRegistrationPage {

    @Inject
    OpenedLink opened;

    @Inject
    Registrations registrations;

    @Inject
    TrustedProxies proxies;

    @Inject
    BrowserSignIn browserSignIn;

    private String token;
    private String next;
    private String username;
    private String displayName;
    private final PasswordChoice password = new PasswordChoice();

    public void complete() throws IOException {
        if (!password.confirmed()) {
            return;
        }
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        Account account;
        try {
            account = registrations.complete(token, username, displayName, password.getValue(),
                    proxies.clientAddress(request));
        } catch (AccountConflictException | InvalidAccountException | NotPermittedException
                | TooManyAttemptsException | SingleUseLinks.LinkRefusedException e) {
            Messages.failure(e);
            return;
        }
        external.redirect(browserSignIn.signIn(request, account, next));
    }

    public boolean isEnabled() {
        return registrations.isOpen();
    }

    /** Why the page's link cannot be used, shown as the page opens instead of the form; empty when it can. */
    public String getRefusal() {
        return opened.refusalOf(SingleUseLinks.Purpose.REGISTRATION, token);
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }

    public String getNext() {
        return next;
    }

    public void setNext(String next) {
        this.next = next;
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

    public PasswordChoice getPassword() {
        return password;
    }
}
