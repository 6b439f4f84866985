package io.tenantry.accounts;

import java.io.IOException;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.tenantry.web.Messages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

/** Self-service registration (REGISTRATION_ENABLED, on by default); a new account is signed in at once. */
@Named
@RequestScoped
public class RegisterPage {

    @Inject
    Accounts accounts;

    @Inject
    BrowserSignIn browserSignIn;

    @Inject
    @ConfigProperty(name = "registration.enabled", defaultValue = "true")
    boolean enabled;

    private String username;
    private String email;
    private String displayName;
    private final PasswordChoice password = new PasswordChoice();
    private String next;

    public void register() throws IOException {
        if (!enabled) {
            Messages.error("register.disabled");
            return;
        }
        if (!password.confirmed()) {
            return;
        }
        Account account;
        try {
            account = accounts.create(username, email, displayName, password.getValue());
        } catch (InvalidAccountException | AccountConflictException e) {
            Messages.failure(e);
            return;
        }
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        external.redirect(browserSignIn.signIn((HttpServletRequest) external.getRequest(), account, next));
    }

    public boolean isEnabled() {
        return enabled;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
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

    public PasswordChoice getPassword() {
        return password;
    }

    public String getNext() {
        return next;
    }

    public void setNext(String next) {
        this.next = next;
    }
}
