package io.tenantry.accounts;

import java.util.Objects;

import io.tenantry.web.Messages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Sets a new password from the single-use link of a reset mail. */
@Named
@RequestScoped
public class ResetPasswordPage {

    @Inject
    PasswordResets resets;

    private String token;
    private String password;
    private String confirmation;
    private boolean done;

    public void reset() {
        if (!Objects.equals(password, confirmation)) {
            Messages.error("register.mismatch");
            return;
        }
        try {
            resets.reset(token, password);
            done = true;
            Messages.info("reset.done");
        } catch (InvalidAccountException | SingleUseLinks.LinkRefusedException e) {
            Messages.failure(e);
        }
    }

    public boolean isDone() {
        return done;
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getConfirmation() {
        return confirmation;
    }

    public void setConfirmation(String confirmation) {
        this.confirmation = confirmation;
    }
}
