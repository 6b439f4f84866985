package io.tenantry.accounts;

import java.time.Duration;
import java.util.Optional;

import io.tenantry.mail.MailTemplates;
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
    MailTemplates templates;

    @Inject
    SignIns signIns;

    /** Mails a reset link when an active account uses the address; the caller learns nothing either way. */
    public void request(String email, String publicUrl) {
        Optional<Account> account = email == null ? Optional.empty() : accounts.findActiveByEmail(email);
        if (account.isEmpty()) {
            return;
        }
        String secret = links.issue(SingleUseLinks.Purpose.PASSWORD_RESET, account.get().id(), null, null, VALID_FOR);
        mailer.send(templates.render(account.get().email(), "passwordReset", account.get().displayName(),
                account.get().username(), VALID_FOR.toMinutes(), publicUrl + "/reset-password.xhtml?token=" + secret));
    }

    /** Sets the new password if the link is good; a password that breaks the rules leaves the link unused. */
    public String reset(String secret, String password) {
        SingleUseLinks.Redeemed redeemed = links.redeem(SingleUseLinks.Purpose.PASSWORD_RESET, secret);
        Account account = accounts.findActive(redeemed.accountId())
                .orElseThrow(() -> new SingleUseLinks.LinkRefusedException("link.accountDeactivated"));
        accounts.setPassword(account, password);
        signIns.endAll(account.id());
        return account.username();
    }
}
