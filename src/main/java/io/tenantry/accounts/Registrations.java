package io.tenantry.accounts;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.net.URLEncoder;
import java.time.Duration;
import java.util.Optional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.tenantry.mail.MailTemplates;
import io.tenantry.mail.Mailer;
import io.tenantry.platform.Reason;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Registering an account by e-mail, in two steps, so that the form never tells whether an address
 * is in use. Asking mails the address either a link to finish registering (valid for
 * {@link #VALID_FOR}) or, when an account with a password has it, a reminder of that account and
 * how to sign in or reset the password. Only whoever reads the mail learns which. Both steps are
 * refused while REGISTRATION_ENABLED is false, and counted per client address
 * ({@link RegistrationThrottle}): asking mails someone, and a refused name tells that it is taken.
 */
@ApplicationScoped
@Transactional
public class Registrations {

    static final Duration VALID_FOR = Duration.ofDays(1);

    @Inject
    Accounts accounts;

    @Inject
    SingleUseLinks links;

    @Inject
    Mailer mailer;

    @Inject
    MailTemplates templates;

    @Inject
    RegistrationThrottle throttle;

    @Inject
    Passwords passwords;

    @Inject
    @ConfigProperty(name = "registration.enabled", defaultValue = "true")
    boolean enabled;

    /** Whether people may register themselves (REGISTRATION_ENABLED). */
    public boolean isOpen() {
        return enabled;
    }

    /**
     * Mails the address the link or the reminder; {@code publicUrl}: the public host's address
     * (TenantUrls); {@code next}: where the person was going, or null, carried by the link to finish
     * (checked again where it leads; never put in the reminder, which goes to someone who may not
     * have asked); {@code client}: the requester's address (TrustedProxies). Throws
     * {@link InvalidAccountException} for a malformed address, {@link NotPermittedException} when
     * registration is switched off, {@link TooManyAttemptsException} when the client must wait.
     */
    public void request(String email, String publicUrl, String next, String client) {
        requireOpen();
        throttle.check(client);
        throttle.count(client);
        String address = AccountRules.email(email);
        Optional<Account> existing = accounts.findByEmail(address);
        if (existing.isPresent() && (!existing.get().isActive() || existing.get().hasPassword())) {
            // A new address costs a password hash (the account made for it); the same work here, or the
            // time of the answer would tell which addresses have an account.
            passwords.hash(Secrets.random());
        }
        if (existing.isPresent() && !existing.get().isActive()) {
            mailer.send(templates.render(address, "registrationClosed", existing.get().username()));
            return;
        }
        if (existing.isPresent() && existing.get().hasPassword()) {
            mailer.send(templates.render(address, "registrationExisting", existing.get().displayName(),
                    existing.get().username(), publicUrl + "/signin.xhtml", publicUrl + "/forgot-password.xhtml"));
            return;
        }
        // No account, or one made for a registration (or an old invitation) no one finished: the reader of the mail may have it.
        Account account = accounts.forAddress(address);
        links.withdrawAll(SingleUseLinks.Purpose.REGISTRATION, account.id());
        String secret = links.issue(SingleUseLinks.Purpose.REGISTRATION, account.id(), null, null, VALID_FOR);
        mailer.send(templates.render(address, "registration", VALID_FOR.toHours(),
                publicUrl + "/complete-registration.xhtml?token=" + secret
                        + (next == null || next.isBlank() ? "" : "&next=" + URLEncoder.encode(next, UTF_8))));
    }

    /**
     * Finishes a registration from its link: the name, display name and password chosen. Answers
     * the account, to be signed in. A refused name or password leaves the link usable
     * ({@link InvalidAccountException}, {@link AccountConflictException}); a used, withdrawn or
     * expired link is refused ({@link SingleUseLinks.LinkRefusedException}). Refused names count
     * against {@code client}; refusals as for {@link #request} too.
     */
    public Account complete(String secret, String username, String displayName, String password, String client) {
        requireOpen();
        throttle.check(client);
        SingleUseLinks.Redeemed redeemed = links.redeem(SingleUseLinks.Purpose.REGISTRATION, secret);
        Account account = accounts.findActive(redeemed.accountId()).filter(a -> !a.hasPassword())
                .orElseThrow(() -> new SingleUseLinks.LinkRefusedException("link.used",
                        Reason.of("link.registerAgain")));
        try {
            return accounts.completeRegistration(account.id(), username, displayName, password);
        } catch (AccountConflictException | InvalidAccountException refused) {
            throttle.count(client);
            throw refused;
        }
    }

    private void requireOpen() {
        if (!enabled) {
            throw new NotPermittedException("registration.closed");
        }
    }
}
