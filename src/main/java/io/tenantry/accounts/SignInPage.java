package io.tenantry.accounts;

import java.io.IOException;
import java.util.Optional;

import io.tenantry.faces.Messages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

/** The sign-in form of the public host. */
@Named
@RequestScoped
public class SignInPage {

    @Inject
    PasswordSignIn passwordSignIn;

    @Inject
    BrowserSignIn browserSignIn;

    private String username;
    private String password;
    private String next;

    public void signIn() throws IOException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        Optional<Account> account;
        try {
            account = passwordSignIn.attempt(username, password, request);
        } catch (TooManyAttemptsException e) {
            Messages.failure(e);
            return;
        }
        if (account.isEmpty()) {
            Messages.error("signin.failed");
            return;
        }
        external.redirect(browserSignIn.signIn(request, account.get(), next));
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getNext() {
        return next;
    }

    public void setNext(String next) {
        this.next = next;
    }
}
