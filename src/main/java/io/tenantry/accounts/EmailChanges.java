package io.tenantry.accounts;

import java.time.Duration;
import java.util.Map;

import io.tenantry.mail.MailTemplates;
import io.tenantry.mail.Mailer;
import io.tenantry.tenancy.Audited;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * A new e-mail address of an account takes effect only when confirmed by the link mailed to it
 * (valid for {@link #VALID_FOR}, once; a newer request replaces it): the address is where password
 * resets and invitations go, so an account must not claim one its owner cannot read. Until then the
 * old address keeps working, and it is told of the request. Confirming checks again that no other
 * account took the address meanwhile. Who may ask is decided by {@link MyAccount}.
 */
@ApplicationScoped
@Transactional
public class EmailChanges {

    @Inject
    Event<Audited> audited;

    static final Duration VALID_FOR = Duration.ofDays(1);

    @Inject
    Accounts accounts;

    @Inject
    SingleUseLinks links;

    @Inject
    Mailer mailer;

    @Inject
    MailTemplates templates;

    /**
     * Mails {@code address} (checked, free) a link confirming it for the account, and the account's
     * current address a notice; {@code publicRoot}: the public host's address (TenantUrls).
     */
    void request(Account account, String address, String publicRoot) {
        links.withdrawAll(SingleUseLinks.Purpose.EMAIL_CHANGE, account.id());
        String secret = links.issueFor(SingleUseLinks.Purpose.EMAIL_CHANGE, address, account.id(), null, VALID_FOR);
        mailer.send(templates.render(address, "emailChange", account.displayName(), account.username(),
                VALID_FOR.toHours(), publicRoot + "/confirm-email.xhtml?token=" + secret));
        mailer.send(templates.render(account.email(), "emailChangeNotice", account.displayName(), account.username(),
                address, publicRoot + "/forgot-password.xhtml"));
    }

    /**
     * Confirms the address a link was mailed to: it becomes the account's, and reset links sent to the
     * old one stop working. Refuses a used, replaced or expired link
     * ({@link SingleUseLinks.LinkRefusedException}), a deactivated account, and an address that
     * another account has taken since ({@link AccountConflictException}; the link stays usable).
     * Answers the account.
     */
    public Account confirm(String secret) {
        SingleUseLinks.Redeemed link = links.redeem(SingleUseLinks.Purpose.EMAIL_CHANGE, secret);
        Account account = accounts.findActive(link.accountId())
                .orElseThrow(() -> new SingleUseLinks.LinkRefusedException("link.accountDeactivated"));
        String before = account.email();
        Account changed = accounts.changeEmail(account.id(), link.email().orElseThrow());
        links.withdrawAll(SingleUseLinks.Purpose.PASSWORD_RESET, account.id());
        audited.fire(Audited.onPlatform("account.email-changed", changed.username()).by(changed.username())
                .before(Map.of("email", before)).after(Map.of("email", changed.email())));
        return changed;
    }
}
