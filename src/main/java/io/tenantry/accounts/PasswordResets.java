package io.tenantry.accounts;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.tenantry.mail.MailTemplates;
import io.tenantry.mail.Mailer;
import io.tenantry.tenancy.Audited;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Forgotten passwords: a single-use link, valid for {@link #VALID_FOR}, mailed to the account's
 * address. Asking never tells whether an account uses the address. Only the latest link works:
 * asking again withdraws the older ones, and setting a new password withdraws every other link of
 * the account, ends its sign-ins and, if asked, revokes its API tokens ({@link OldCredentials}).
 */
@ApplicationScoped
@Transactional
public class PasswordResets {

    @Inject
    Event<Audited> audited;

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
    OldCredentials oldCredentials;

    /**
     * Mails a reset link when an active account uses the address; the caller learns nothing either
     * way. {@code publicUrl}: the public host's address (TenantUrls).
     */
    public void request(String email, String publicUrl) {
        Optional<Account> account = email == null ? Optional.empty() : accounts.findActiveByEmail(email);
        if (account.isEmpty()) {
            return;
        }
        links.withdrawAll(SingleUseLinks.Purpose.PASSWORD_RESET, account.get().id());
        String secret = links.issue(SingleUseLinks.Purpose.PASSWORD_RESET, account.get().id(), null, null, VALID_FOR);
        mailer.send(templates.render(account.get().email(), "passwordReset", account.get().displayName(),
                account.get().username(), VALID_FOR.toMinutes(), publicUrl + "/reset-password.xhtml?token=" + secret));
    }

    /**
     * Sets the new password if the link is good, and answers the account's user name; a password
     * that breaks the rules leaves the link unused. {@code revokeTokens}: whether the account's API
     * tokens go too.
     */
    public String reset(String secret, String password, boolean revokeTokens) {
        SingleUseLinks.Redeemed redeemed = links.redeem(SingleUseLinks.Purpose.PASSWORD_RESET, secret);
        Account account = accounts.findActive(redeemed.accountId())
                .orElseThrow(() -> new SingleUseLinks.LinkRefusedException("link.accountDeactivated"));
        accounts.setPassword(account, password);
        oldCredentials.withdraw(account.id(), revokeTokens);
        audited.fire(Audited.onPlatform("account.password-reset", account.username()).by(account.username())
                .after(Map.of("tokensRevoked", revokeTokens)));
        return account.username();
    }
}
