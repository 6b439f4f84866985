package io.tenantry.accounts;

import io.tenantry.faces.Messages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Sets a new password from the single-use link of a reset mail. */
@Named
@RequestScoped
public class ResetPasswordPage {

    @Inject
    OpenedLink opened;

    @Inject
    PasswordResets resets;

    private String token;
    private final PasswordChoice password = new PasswordChoice();
    private boolean done;
    // On by default: whoever asks for a reset may have lost the password to someone.
    private boolean revokeTokens = true;

    public void reset() {
        if (!password.confirmed()) {
            return;
        }
        try {
            resets.reset(token, password.getValue(), revokeTokens);
            done = true;
            Messages.info("reset.done");
        } catch (InvalidAccountException | SingleUseLinks.LinkRefusedException e) {
            Messages.failure(e);
        }
    }

    public boolean isDone() {
        return done;
    }

    public boolean isRevokeTokens() {
        return revokeTokens;
    }

    public void setRevokeTokens(boolean revokeTokens) {
        this.revokeTokens = revokeTokens;
    }

    public PasswordChoice getPassword() {
        return password;
    }

    /** Why the page's link cannot be used, shown as the page opens instead of the form; empty when it can. */
    public String getRefusal() {
        return done ? "" : opened.refusalOf(SingleUseLinks.Purpose.PASSWORD_RESET, token);
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }
}
