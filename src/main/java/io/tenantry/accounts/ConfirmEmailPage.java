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
    OpenedLink opened;

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

    /** Why the page's link cannot be used, shown as the page opens instead of the form; empty when it can. */
    public String getRefusal() {
        return confirmed ? "" : opened.refusalOf(SingleUseLinks.Purpose.EMAIL_CHANGE, token);
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }
}
