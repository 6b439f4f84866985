package io.tenantry.accounts;

import java.time.Duration;
import java.util.Optional;

import io.tenantry.mail.Mail;
import io.tenantry.mail.Mailer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Forgotten passwords: a single-use link, valid for {@link #VALID_FOR}, mailed to the account's
 * address. Asking never tells whether an account uses the address. Setting a new password ends
 * every sign-in of the account.
 */
@ApplicationScoped
@Transactional
public class PasswordResets {

    static final Duration VALID_FOR = Duration.ofHours(1);

    @Inject
    Accounts accounts;

    @Inject
    SingleUseLinks links;

    @Inject
    Mailer mailer;

    @Inject
    SignIns signIns;

    /** Mails a reset link when an active account uses the address; the caller learns nothing either way. */
    public void request(String email, String publicUrl) {
        Optional<Account> account = email == null ? Optional.empty() : accounts.findActiveByEmail(email);
        if (account.isEmpty()) {
            return;
        }
        String secret = links.issue(SingleUseLinks.Purpose.PASSWORD_RESET, account.get().id(), null, null, VALID_FOR);
        mailer.send(new Mail(account.get().email(), "Reset your Tenantry password",
                "Hello " + account.get().displayName() + ",\n\n"
                        + "Someone, probably you, asked to reset the password of the Tenantry account '"
                        + account.get().username() + "'. Choose a new password here (the link works once, for "
                        + VALID_FOR.toMinutes() + " minutes):\n\n"
                        + publicUrl + "/reset-password.xhtml?token=" + secret + "\n\n"
                        + "If you did not ask for this, ignore this message: your password stays as it is.\n"));
    }

    /** Sets the new password if the link is good; a password that breaks the rules leaves the link unused. */
    public String reset(String secret, String password) {
        SingleUseLinks.Redeemed redeemed = links.redeem(SingleUseLinks.Purpose.PASSWORD_RESET, secret);
        Account account = accounts.findActive(redeemed.accountId())
                .orElseThrow(() -> new SingleUseLinks.LinkRefusedException("This account has been deactivated."));
        accounts.setPassword(account, password);
        signIns.endAll(account.id());
        return account.username();
    }
}
