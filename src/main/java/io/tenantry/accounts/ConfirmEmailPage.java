package io.tenantry.accounts;

import io.tenantry.faces.Messages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Confirming a new e-mail address, from the link mailed to it: a button, not the opening of the link
 * itself, so that a mail scanner fetching links confirms nothing. See {@link EmailChanges}.
 */
@Named
@RequestScoped
public class ConfirmEmailPage {

    @Inject
    EmailChanges changes;

    private String token;
    private boolean confirmed;

    public void confirm() {
        try {
            Account account = changes.confirm(token);
            confirmed = true;
            Messages.info("confirmEmail.done", account.email());
        } catch (SingleUseLinks.LinkRefusedException | AccountConflictException e) {
            Messages.failure(e);
        }
    }

    public boolean isConfirmed() {
        return confirmed;
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }
}
