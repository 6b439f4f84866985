package io.tenantry.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import io.tenantry.access.Access;
import io.tenantry.access.Permission;
import io.tenantry.access.TenantAccess;
import io.tenantry.access.TenantContacts;
import io.tenantry.access.TenantTermsDirectory;
import io.tenantry.accounts.Caller;
import io.tenantry.accounts.CurrentCaller;
import io.tenantry.accounts.TenantSignIn;
import io.tenantry.platform.Language;
import io.tenantry.platform.Refused;
import io.tenantry.tenancy.PublicAddresses;
import io.tenantry.tenancy.Tenant;
import io.tenantry.tenancy.TenantContext;
import io.tenantry.tenancy.TenantDirectory;
import io.tenantry.tenancy.TenantLabel;
import io.tenantry.tenancy.TenantUrls;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

/**
 * What the refusal page (401, 402, 403, 404) says: the kind of refusal ({@link Refused.Kind}, given by
 * whoever refused or found out here from the tenant's access), the tenant refused, the permission
 * missing, whom to ask ({@link TenantContacts}: names only for members) and the ways forward.
 */
@Named
@RequestScoped
public class Refusal {

    @Inject
    HttpServletRequest request;

    @Inject
    TenantContext context;

    @Inject
    TenantAccess access;

    @Inject
    CurrentCaller caller;

    @Inject
    TenantDirectory directory;

    @Inject
    TenantUrls urls;

    @Inject
    PublicAddresses addresses;

    @Inject
    TenantContacts contacts;

    @Inject
    TenantTermsDirectory tenantTerms;

    private Optional<Refused.Kind> kind;
    private Optional<Tenant> tenant;

    /** The kind's name for the page ({@code NOT_SIGNED_IN} …), or {@code NOT_FOUND} for a page that does not exist. */
    public String getKind() {
        return kind().map(Enum::name).orElse("NOT_FOUND");
    }

    private Optional<Refused.Kind> kind() {
        if (kind == null) {
            kind = Refused.kindOf(request).or(this::fromStatus);
        }
        return kind;
    }

    /** A page's own refusal (a service's, met while the page was built): what the tenant's access says. */
    private Optional<Refused.Kind> fromStatus() {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int code = status instanceof Integer number ? number : 0;
        if (code == 401) {
            return Optional.of(Refused.Kind.NOT_SIGNED_IN);
        }
        if (code == 402) {
            return Optional.of(Refused.Kind.SUBSCRIPTION_EXPIRED);
        }
        if (code != 403) {
            return Optional.empty();
        }
        if (!context.isEntered()) {
            return Optional.of(Refused.Kind.NOT_A_MEMBER);
        }
        Access.Entry entry = access.current().entry();
        if (entry == Access.Entry.MEMBER) {
            return Optional.of(Refused.Kind.MISSING_PERMISSION);
        }
        return Optional.of(entry == Access.Entry.READER && caller.signedIn().isEmpty() ? Refused.Kind.NOT_SIGNED_IN
                : Refused.Kind.NOT_A_MEMBER);
    }

    /** The tenant refused: the one the public host was asked a way into, else this host's. */
    private Optional<Tenant> tenant() {
        if (tenant == null) {
            tenant = Refused.tenantOf(request).filter(TenantLabel::isWellFormed)
                    .flatMap(label -> directory.find(new TenantLabel(label)))
                    .or(() -> context.isEntered() ? Optional.of(context.tenant()) : Optional.empty());
        }
        return tenant;
    }

    /** Whether the tenant refused is this host's own (whose logo this host serves). */
    public boolean isHostsOwn() {
        return context.isEntered() && Refused.tenantOf(request).isEmpty();
    }

    public String getTenantName() {
        return tenant().map(Tenant::name).orElse("");
    }

    /** The host asked for where no tenant answers. */
    public String getHost() {
        return Refused.hostOf(request).orElseGet(request::getServerName);
    }

    public String getUsername() {
        return caller.signedIn().map(Caller::username).orElse("");
    }

    /** The code of the permission missing ({@code tenant.groups} …), for its name in the page's language; empty if none is known. */
    public String getPermission() {
        return access.lacking().map(Permission::code).orElse("");
    }

    /** The owner's name, for a member of the tenant; empty for anyone else. */
    public String getOwner() {
        return tenant().flatMap(contacts::ownerOf).orElse("");
    }

    /** The names of the tenant's Administrators besides the owner, for a member of it. */
    public List<String> getAdministrators() {
        return contacts.administratorsHere();
    }

    /** Whether the caller owns the tenant refused (a subscription they can renew). */
    public boolean isOwnTenant() {
        Optional<Long> me = caller.signedIn().map(Caller::accountId);
        return me.isPresent() && tenant().flatMap(t -> tenantTerms.of(t).ownerId()).equals(me);
    }

    /**
     * What the refusing filter or servlet said, in the reader's language, when it said more than its
     * kind (a closed tenant: to its owner how to renew, to members whom to ask, with the dates); else empty.
     */
    public String getDetail() {
        return Refused.detailOf(request).map(reason -> reason.in(Language.localeOf(request))).orElse("");
    }

    /** Whether the tenant refused is publicly readable, so its pages stay open without an account. */
    public boolean isReadable() {
        return tenant().map(t -> !t.isPublic() && tenantTerms.of(t).publiclyReadable()).orElse(false);
    }

    /** Signing in to come back to the page refused: the tenant host's hand-off, or the public host's form. */
    public String getSignInUrl() {
        String asked = askedFor();
        if (context.isEntered() && !context.tenant().isPublic()) {
            return TenantSignIn.PATH + "?next=" + URLEncoder.encode(asked, StandardCharsets.UTF_8);
        }
        return addresses.signInUrl(request, urls.publicRoot(request) + asked);
    }

    /** The start page of the tenant refused. */
    public String getTenantRoot() {
        return tenant().map(t -> urls.rootOf(t.label(), request) + "/").orElse(getPublicRoot());
    }

    /** The public host's start page: the person's tenants when signed in. */
    public String getPublicRoot() {
        return urls.publicRoot(request) + "/";
    }

    /**
     * The path and query refused on this host: the error dispatch names the error page as its path
     * and keeps the path asked for in an attribute; the query string stays the one asked with.
     */
    private String askedFor() {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri instanceof String text ? text : request.getRequestURI();
        String query = request.getQueryString();
        return PublicAddresses.safeLocalPath(path + (query == null || query.isEmpty() ? "" : "?" + query));
    }
}
