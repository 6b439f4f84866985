package io.tenantry.access;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.tenantry.accounts.AccountRules;
import io.tenantry.accounts.Accounts;
import io.tenantry.accounts.Caller;
import io.tenantry.accounts.CurrentCaller;
import io.tenantry.accounts.NotPermittedException;
import io.tenantry.accounts.SingleUseLinks;
import io.tenantry.files.TenantFiles;
import io.tenantry.platform.BodyLimits;
import io.tenantry.mail.MailTemplates;
import io.tenantry.mail.Mailer;
import io.tenantry.platform.BrokenRuleException;
import io.tenantry.platform.Reason;
import io.tenantry.platform.SingleLine;
import io.tenantry.tenancy.Audited;
import io.tenantry.tenancy.Tenant;
import io.tenantry.tenancy.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * The current tenant's settings, for its owner and Administrators (SETTINGS_MANAGE) and for the
 * super-user, who alone changes paid-until. What exposes the tenant beyond its members (whether
 * anyone may read it, which outside addresses receive its notices) and who owns it are the owner's
 * decisions, or a super-user's: an Administrator may be anyone the owner once trusted with a group.
 * Ownership is handed over only with the receiver's consent: an offer they accept.
 * The logo is checked by its first bytes, not its name.
 */
@ApplicationScoped
public class TenantSettings {

    public static final String LOGO = "logo";
    public static final int MAX_LOGO_BYTES = (int) BodyLimits.LOGO_BYTES;
    private static final int MAX_NAV_TEXT = 60;
    private static final int MAX_EXTRA_EMAILS = 10;
    static final Duration OFFER_VALID_FOR = Duration.ofDays(7);

    @Inject
    TenantContext context;

    @Inject
    Event<Audited> audited;

    @Inject
    TenantAccess access;

    @Inject
    CurrentCaller caller;

    @Inject
    TenantFiles files;

    @Inject
    Members members;

    @Inject
    SingleUseLinks links;

    @Inject
    Accounts accounts;

    @Inject
    Mailer mailer;

    @Inject
    MailTemplates templates;

    @Inject
    TenantTermsDirectory tenantTerms;

    @Inject
    TermsAsRead termsAsRead;

    @Inject
    OwnedTenants ownedTenants;

    @Inject
    MemberLimit memberLimit;

    @Inject
    Renewals renewals;

    /**
     * Whether the caller may change the settings here: members with the permission, or the super-user
     * acting account-wide (with a session of this tenant's host, only as a member).
     */
    public boolean mayChange() {
        return caller.signedIn().map(Caller::actsAsSuperUser).orElse(false) || access.permits(Permission.SETTINGS_MANAGE);
    }

    /** Whether the caller may make the owner's decisions here: is the owner, or a super-user. */
    public boolean mayDecideAsOwner() {
        return caller.signedIn().map(me -> me.actsAsSuperUser()
                || termsAsRead.terms().isOwnedBy(me.accountId())).orElse(false);
    }

    /**
     * Changes the name and terms (as this request read them: a change made meanwhile is a 409); {@code extraEmails} is a list separated by commas, semicolons or
     * spaces. Refuses with {@link NotPermittedException} a caller without SETTINGS_MANAGE, and one
     * who is not the owner (nor a super-user) but changes whether the tenant is publicly readable or
     * its extra e-mails; with {@link BrokenRuleException} values that break the rules.
     */
    public Tenant change(String name, String organization, boolean publiclyReadable, String extraEmails,
            String navText) {
        requireMayChange();
        String nav = SingleLine.require("navText", navText == null ? "" : navText.strip());
        SingleLine.require("organization", organization);
        if (nav.length() > MAX_NAV_TEXT) {
            throw new BrokenRuleException("settings.navTextTooLong", MAX_NAV_TEXT);
        }
        List<String> emails = Arrays.stream((extraEmails == null ? "" : extraEmails).split("[,;\\s]+"))
                .filter(text -> !text.isBlank()).map(AccountRules::email).distinct().toList();
        if (emails.size() > MAX_EXTRA_EMAILS) {
            throw new BrokenRuleException("settings.tooManyEmails", MAX_EXTRA_EMAILS);
        }
        Tenant tenant = context.tenant();
        TenantTerms terms = termsAsRead.terms();
        if (publiclyReadable != terms.publiclyReadable()) {
            requireOwnerDecision("settings.field.publiclyReadable");
        }
        if (!Set.copyOf(emails).equals(Set.copyOf(terms.extraEmails()))) {
            requireOwnerDecision("settings.field.extraEmails");
        }
        return tenantTerms.change(tenant, terms, name, terms.withSettings(organization, publiclyReadable, emails, nav));
    }

    /**
     * Offers the tenant to a member of it: they become its owner (and so an Administrator) only when
     * they accept ({@link #acceptOwnership}); until then the owner stays owner. The offer is mailed
     * to them with a link to {@code tenantRoot}'s ownership page, lasts {@link #OFFER_VALID_FOR}, and
     * replaces any earlier offer. The owner's decision, or a super-user's; refuses anyone else
     * ({@link NotPermittedException}), an account that is not an active member here
     * ({@link NotAMemberException}) and one that owns as many tenants as TENANTS_PER_OWNER allows
     * ({@link PlanLimitException}, 409), whoever offers: the acceptance counts the same quota, so an
     * offer past it could never be accepted (a super-user hands a tenant over at once in platform
     * administration instead).
     */
    public void offerOwnership(String username, String tenantRoot) {
        requireOwnerDecision("settings.field.owner");
        long receiver = members.requireAuthorized("owner", username);
        Tenant tenant = context.tenant();
        if (termsAsRead.terms().isOwnedBy(receiver)) {
            throw new BrokenRuleException("ownership.alreadyOwner", username.strip(), tenant.name());
        }
        ownedTenants.requireRoomFor(receiver, "plan.transferQuotaReached");
        links.withdrawAllOf(SingleUseLinks.Purpose.OWNERSHIP, tenant.id());
        links.issue(SingleUseLinks.Purpose.OWNERSHIP, receiver, tenant.id(), null, OFFER_VALID_FOR);
        accounts.findActive(receiver).ifPresent(account -> mailer.send(templates.render(account.email(),
                "ownershipOffer", tenant.name(), caller.require().username(), account.displayName(),
                OFFER_VALID_FOR.toDays(), tenantRoot + "/ownership.xhtml")));
        audited.fire(Audited.in(tenant, "ownership.offered", username.strip()));
    }

    /** Whether the caller has been offered this tenant and may still accept. */
    public boolean hasOwnershipOffer() {
        return caller.signedIn().map(me -> links.isPending(SingleUseLinks.Purpose.OWNERSHIP, me.accountId(),
                context.tenant().id())).orElse(false);
    }

    /**
     * The caller, offered the tenant and still a member, becomes its owner; the former owner stays a
     * member with the groups they had. Refuses a caller with no usable offer
     * ({@link NotPermittedException}), one who is no longer a member ({@link NotAMemberException}) and,
     * unless a super-user, one who owns as many tenants as TENANTS_PER_OWNER allows already
     * ({@link PlanLimitException}, 409: the tenant moves to the new owner's quota). One transaction: the
     * offer is used, the quota counted under the new owner's lock and the terms changed together, so
     * two offers accepted at once by one person are counted one after the other.
     */
    @Transactional
    public Tenant acceptOwnership() {
        Caller me = caller.require();
        Tenant tenant = context.tenant();
        if (!links.claim(SingleUseLinks.Purpose.OWNERSHIP, me.accountId(), tenant.id())) {
            throw new NotPermittedException("ownership.noOffer", tenant.name());
        }
        members.requireAuthorized("owner", me.username());
        if (!me.actsAsSuperUser()) {
            ownedTenants.requireRoomFor(me.accountId(), "plan.transferQuotaReached");
        }
        TenantTerms terms = termsAsRead.terms();
        return tenantTerms.change(tenant, terms, tenant.name(), terms.withOwner(me.accountId()));
    }

    private void requireOwnerDecision(String what) {
        requireMayChange();
        if (!mayDecideAsOwner()) {
            throw new NotPermittedException("settings.ownersDecision", Reason.of(what), context.tenant().name());
        }
    }

    /**
     * The tenant's plan, with what it allows and what the tenant uses of it, for whoever may see the
     * settings; refuses anyone else ({@link NotPermittedException}).
     */
    public MemberLimit.Use plan() {
        requireMayChange();
        return memberLimit.of(context.tenant());
    }

    /** The tenant's paid periods, newest first, for its owner or a super-user ({@link Renewals#of}). */
    public List<Renewals.Renewal> renewals() {
        requireMayChange();
        return renewals.of(context.tenant());
    }

    /**
     * Sets this tenant's paid-until instant (empty: none); the same instant again writes nothing.
     * Refuses a caller who is not a super-user ({@link NotPermittedException}).
     */
    public Tenant changePaidUntil(Optional<Instant> paidUntil) {
        caller.requireSuperUser();
        Tenant tenant = context.tenant();
        TenantTerms terms = termsAsRead.terms();
        if (paidUntil.equals(terms.paidUntil())) {
            return tenant;
        }
        return tenantTerms.change(tenant, terms, tenant.name(), terms.withPaidUntil(paidUntil));
    }

    /**
     * Stores the image read from {@code image} as the tenant's logo, reading no more than
     * {@link #MAX_LOGO_BYTES} and one byte: a larger one is refused ({@link BrokenRuleException}, or
     * the body's own {@link io.tenantry.platform.BodyTooLargeException} as the cause of an
     * {@link UncheckedIOException} when its limit came first), as is anything but PNG, JPEG, GIF or
     * WebP by its first bytes. The caller closes the stream.
     */
    public void changeLogo(InputStream image) {
        requireMayChange();
        byte[] bytes = checkedLogo(image);
        files.write(context.tenant(), LOGO, bytes);
        audited.fire(Audited.in(context.tenant(), "tenant.logo", "").after(Map.of("logo", bytes.length + " bytes")));
    }

    /**
     * The bytes of a logo as {@link #changeLogo} takes them (at most {@link #MAX_LOGO_BYTES}; PNG,
     * JPEG, GIF or WebP by its first bytes), refused with {@link BrokenRuleException} otherwise; for
     * a restore, which writes the logo to the folder it fills. The caller closes the stream.
     */
    public static byte[] checkedLogo(InputStream image) {
        byte[] bytes;
        try {
            bytes = image.readNBytes(MAX_LOGO_BYTES + 1);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the logo", e);
        }
        if (bytes.length > MAX_LOGO_BYTES) {
            throw new BrokenRuleException("logo.tooLarge", MAX_LOGO_BYTES / 1024);
        }
        if (LogoType.of(bytes).isEmpty()) {
            throw new BrokenRuleException("logo.format");
        }
        return bytes;
    }

    public void removeLogo() {
        requireMayChange();
        files.delete(context.tenant(), LOGO);
        audited.fire(Audited.in(context.tenant(), "tenant.logo", "").after(Map.of("logo", Optional.empty())));
    }

    /**
     * The logo of the current tenant, for whoever may see the tenant's pages: its type (told by its
     * first bytes) and a stream of it, which the caller closes; empty when there is none.
     */
    public Optional<Logo> logo() {
        return files.open(context.tenant(), LOGO).flatMap(Logo::of);
    }

    /** A stored logo: its media type, its size in bytes and its bytes as a stream (from the first). */
    public record Logo(String mediaType, long size, InputStream content) {

        private static final int SIGNATURE_BYTES = 12;

        static Optional<Logo> of(TenantFiles.Stored file) {
            try {
                BufferedInputStream in = new BufferedInputStream(file.content(), SIGNATURE_BYTES);
                in.mark(SIGNATURE_BYTES);
                byte[] signature = in.readNBytes(SIGNATURE_BYTES);
                in.reset();
                Optional<String> type = LogoType.of(signature);
                if (type.isEmpty()) {
                    in.close();
                }
                return type.map(mediaType -> new Logo(mediaType, file.size(), in));
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read the logo", e);
            }
        }
    }

    /** Refuses, with the reason, anyone who may not change the settings here. */
    public void requireMayChange() {
        if (!caller.signedIn().map(Caller::actsAsSuperUser).orElse(false)) {
            access.require(Permission.SETTINGS_MANAGE);
        }
    }

    /** Image types told by their signature; SVG is refused, as it can carry scripts. */
    static final class LogoType {

        private LogoType() {
        }

        static Optional<String> of(byte[] bytes) {
            if (starts(bytes, 0x89, 'P', 'N', 'G')) {
                return Optional.of("image/png");
            }
            if (starts(bytes, 0xFF, 0xD8, 0xFF)) {
                return Optional.of("image/jpeg");
            }
            if (starts(bytes, 'G', 'I', 'F', '8')) {
                return Optional.of("image/gif");
            }
            if (starts(bytes, 'R', 'I', 'F', 'F') && bytes.length > 12 && bytes[8] == 'W' && bytes[9] == 'E'
                    && bytes[10] == 'B' && bytes[11] == 'P') {
                return Optional.of("image/webp");
            }
            return Optional.empty();
        }

        private static boolean starts(byte[] bytes, int... signature) {
            if (bytes.length < signature.length) {
                return false;
            }
            for (int i = 0; i < signature.length; i++) {
                if ((bytes[i] & 0xFF) != signature[i]) {
                    return false;
                }
            }
            return true;
        }
    }
}
