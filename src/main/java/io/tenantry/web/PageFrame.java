package io.tenantry.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.tenantry.access.Access;
import io.tenantry.access.MyTenants;
import io.tenantry.access.Permission;
import io.tenantry.access.TenantAccess;
import io.tenantry.access.TenantSettings;
import io.tenantry.access.TenantTermsDirectory;
import io.tenantry.accounts.Caller;
import io.tenantry.accounts.CurrentCaller;
import io.tenantry.accounts.HostSessions;
import io.tenantry.accounts.TenantSignIn;
import io.tenantry.admin.Banner;
import io.tenantry.admin.Banners;
import io.tenantry.platform.Language;
import io.tenantry.tenancy.MasterTenant;
import io.tenantry.tenancy.PublicAddresses;
import io.tenantry.tenancy.Tenant;
import io.tenantry.tenancy.TenantContext;
import io.tenantry.tenancy.TenantUrls;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

/** What the frame around every page shows: the tenant, the person, the banners. */
@Named
@RequestScoped
public class PageFrame {

    @Inject
    TenantContext context;

    @Inject
    CurrentCaller caller;

    @Inject
    TenantAccess access;

    @Inject
    PublicAddresses addresses;

    @Inject
    TenantUrls urls;

    @Inject
    HttpServletRequest request;

    @Inject
    MasterTenant master;

    @Inject
    Banners bannerSource;

    @Inject
    TenantSettings settings;

    @Inject
    MyTenants myTenants;

    @Inject
    HostSessions sessions;

    @Inject
    Language language;

    @Inject
    TenantTermsDirectory terms;

    private List<Banner> banners;
    private Boolean hasLogo;
    private List<Tenant> tenants;
    private String subscriptionNotice;

    public Tenant getTenant() {
        return context.tenant();
    }

    /** Error pages can be shown before a tenant is known (an unknown host): then there is nothing to brand. */
    public boolean isInTenant() {
        return context.isEntered();
    }

    public String getTenantName() {
        return context.tenant().name();
    }

    /** The text the tenant shows beside its name in the navigation bar; empty for none. */
    public String getNavText() {
        return terms.of(context.tenant()).navText();
    }

    /** The organization a tenant names in its terms (the public home's list of one's tenants); empty for none. */
    public String organizationOf(Tenant tenant) {
        return terms.of(tenant).organization();
    }

    public boolean isPublicHost() {
        return context.tenant().isPublic();
    }

    public boolean isSignedIn() {
        return caller.signedIn().isPresent();
    }

    public String getUsername() {
        return caller.signedIn().map(Caller::username).orElse("");
    }

    /** The token the sign-out form carries, so that only our own pages sign the person out. */
    public String getSignOutToken() {
        return sessions.signOutTokenOf(request).orElse("");
    }

    /**
     * This page's own address, path and query ({@code /case.xhtml?id=12}), encoded as one query
     * parameter's value: where the language switch goes back to, so it comes back to the same item.
     * On an error page, the path that was asked for (the error dispatch names the error page itself).
     */
    public String getHere() {
        Object asked = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String query = request.getQueryString();
        String here = asked instanceof String path ? path
                : request.getRequestURI() + (query == null ? "" : "?" + query);
        return URLEncoder.encode(here, StandardCharsets.UTF_8);
    }

    public String getPublicRoot() {
        return urls.publicRoot(request);
    }

    /**
     * Signing in and coming back to this page: on a tenant host its hand-off ({@link TenantSignIn}),
     * which needs no form when the person is signed in on the public host; there, the form.
     */
    public String getSignInUrl() {
        if (context.isEntered() && !context.tenant().isPublic()) {
            String query = request.getQueryString();
            return TenantSignIn.PATH + "?next=" + URLEncoder.encode(request.getRequestURI()
                    + (query == null ? "" : "?" + query), StandardCharsets.UTF_8);
        }
        return addresses.signInUrl(request, addresses.requestedUrl(request));
    }

    /** Looking without being a member: a publicly readable tenant, or an operator with read access. */
    public boolean isReadOnly() {
        return access.current().entry() == Access.Entry.READER;
    }

    /** Platform administration is offered on the master tenant to super-users. */
    public boolean isPlatformAdmin() {
        return master.is(context.tenant()) && caller.signedIn().map(Caller::actsAsSuperUser).orElse(false);
    }

    public List<Banner> getBanners() {
        if (banners == null) {
            banners = bannerSource.running();
        }
        return banners;
    }

    /** For the navigation: whether the caller holds the permission of this code here. */
    public boolean permits(String code) {
        return Permission.ofCode(code).map(access::permits).orElse(false);
    }

    public boolean isMember() {
        return access.current().entry() == Access.Entry.MEMBER;
    }

    public boolean isMaySeeSettings() {
        return settings.mayChange();
    }

    public boolean isHasLogo() {
        if (hasLogo == null) {
            hasLogo = settings.logo().isPresent();
        }
        return hasLogo;
    }

    /** The tenants of the person signed in: the switcher in the navigation bar and the public home list them. */
    public List<Tenant> getMyTenants() {
        if (tenants == null) {
            tenants = caller.signedIn().map(c -> myTenants.of(c.accountId())).orElse(List.of());
        }
        return tenants;
    }

    /** What a member is told about the tenant's trial or subscription on every page; empty for nothing. */
    public String getSubscriptionNotice() {
        if (subscriptionNotice == null) {
            subscriptionNotice = access.subscriptionNotice().map(reason -> reason.in(language.getLocale())).orElse("");
        }
        return subscriptionNotice;
    }

}
