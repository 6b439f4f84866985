package io.tenantry.access;

import java.net.URI;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import io.tenantry.accounts.Account;
import io.tenantry.accounts.Accounts;
import io.tenantry.accounts.CurrentCaller;
import io.tenantry.accounts.SingleUseLinks;
import io.tenantry.accounts.UnknownAccountException;
import io.tenantry.api.JsonBodies;
import io.tenantry.api.ListParams;
import io.tenantry.api.PageJson;
import io.tenantry.migration.TenantUpgrade;
import io.tenantry.platform.ListQuery;
import io.tenantry.provisioning.ProvisioningPath;
import io.tenantry.provisioning.TenantProvisioning;
import io.tenantry.provisioning.UnknownTenantException;
import io.tenantry.tenancy.Tenant;
import io.tenantry.tenancy.TenantContext;
import io.tenantry.tenancy.TenantDirectory;
import io.tenantry.tenancy.TenantLabel;
import io.tenantry.tenancy.TenantUrls;
import io.tenantry.tenancy.TenantsDomain;
import io.tenantry.tenancy.UpgradeStates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Tenant management, on the public host only, for super-users; creating one also for whoever may
 * create tenants on the page ({@link TenantCreation}: the same rules and per-owner quota). Renewals
 * ({@code {label}/renewals}) record paid periods and list them. {@code ?path=migrate} builds the
 * schema from the migrations instead of cloning the template (for operators who compare the two).
 * Each tenant shows where its upgrade stands; {@code POST {label}/upgrade} tries a failed one again.
 */
@Path("tenants")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TenantsResource {

    private static final String SEND_CHANGES = "Send the fields to change, e.g. {\"paidUntil\": \"2027-01-01T00:00:00Z\"}"
            + " (null removes it).";

    @Inject
    TenantContext context;

    @Inject
    CurrentCaller caller;

    @Inject
    TenantProvisioning provisioning;

    @Inject
    Accounts accounts;

    @Inject
    SingleUseLinks links;

    @Inject
    TenantCreation creation;

    @Inject
    TenantDirectory directory;

    @Inject
    TenantsDomain domain;

    @Inject
    TenantUrls urls;

    @Inject
    UpgradeStates upgrades;

    @Inject
    TenantUpgrade upgrade;

    @Inject
    TenantTermsDirectory tenantTerms;

    @Inject
    SubscriptionPlans plans;

    @Inject
    Renewals renewals;

    @Context
    HttpServletRequest request;

    @Context
    UriInfo uri;

    /**
     * A window of the tenants, by label; takes {@code offset} and {@code limit}. A tenant deleted
     * (here or on another instance) after the directory was read is left out of the window: its
     * terms are gone, and with them its plan.
     */
    @GET
    public PageJson<TenantJson> list() {
        requirePublicHostAndSuperUser();
        ListQuery query = ListParams.window(uri);
        List<Tenant> all = directory.all().stream().sorted(Comparator.comparing(t -> t.label().value())).toList();
        PageJson<Tenant> tenants = PageJson.window(all, query);
        // Each tenant's terms read once: read again, they could be gone by the next read (plan 0).
        Map<Tenant, TenantTerms> present = new LinkedHashMap<>();
        tenants.items().forEach(t -> present.put(t, tenantTerms.of(t)));
        present.values().removeIf(TenantTerms::gone);
        Map<Long, String> owners = accounts.usernames(present.values().stream()
                .flatMap(terms -> terms.ownerId().stream()).collect(Collectors.toSet()));
        return new PageJson<>(present.entrySet().stream().map(e -> json(e.getKey(), e.getValue(),
                e.getValue().ownerId().map(owners::get).orElse(null))).toList(), tenants.total(), tenants.offset(), tenants.limit());
    }

    @GET
    @Path("{label}")
    public TenantJson get(@PathParam("label") String label) {
        requirePublicHostAndSuperUser();
        if (!TenantLabel.isWellFormed(label)) {
            throw new UnknownTenantException(label);
        }
        return directory.find(new TenantLabel(label)).map(this::json).orElseThrow(() -> new UnknownTenantException(label));
    }

    /**
     * Changes a tenant's name and terms, paid-until included: the operator's side of a subscription.
     * A field left out stays as it is; {@code "paidUntil": null} (or {@code "clearPaidUntil": true})
     * removes the paid-until instant. The body is read as JSON first, as JSON-B reads an absent field
     * and a null one alike.
     */
    @RequestBody(content = @Content(schema = @Schema(implementation = TenantJson.Change.class)))
    @PUT
    @Path("{label}")
    public TenantJson change(@PathParam("label") String label, JsonObject body) {
        requirePublicHostAndSuperUser();
        if (body == null || !TenantLabel.isWellFormed(label)) {
            throw body == null ? new IllegalArgumentException(SEND_CHANGES) : new UnknownTenantException(label);
        }
        TenantJson.Change change = JsonBodies.read(body, TenantJson.Change.class);
        Tenant tenant = directory.find(new TenantLabel(label)).orElseThrow(() -> new UnknownTenantException(label));
        TenantTerms terms = tenantTerms.of(tenant);
        boolean clearPaidUntil = Boolean.TRUE.equals(change.clearPaidUntil())
                || body.containsKey("paidUntil") && body.isNull("paidUntil");
        Optional<Instant> paidUntil = clearPaidUntil ? Optional.empty()
                : Optional.ofNullable(change.paidUntil()).or(terms::paidUntil);
        TenantTerms changed = terms.withSettings(
                change.organization() == null ? terms.organization() : change.organization(),
                change.publiclyReadable() == null ? terms.publiclyReadable() : change.publiclyReadable(),
                terms.extraEmails(), terms.navText()).withPaidUntil(paidUntil);
        if (change.plan() != null) {
            changed = changed.withPlan(plans.named(change.plan()).id());
        }
        if (change.owner() != null) {
            changed = changed.withOwner(ownerId(change.owner()));
            // An offer the former owner made is not the new owner's: it must not outlive the change.
            links.withdrawAllOf(SingleUseLinks.Purpose.OWNERSHIP, tenant.id());
        }
        return json(tenantTerms.change(tenant, terms, change.name() == null ? tenant.name() : change.name(), changed));
    }

    /**
     * Tries the tenant's upgrade again now, whatever its back-off says: 202 with the upgrade's state
     * (pending; current when there was nothing to do). 404 for an unknown tenant.
     */
    @POST
    @Path("{label}/upgrade")
    @APIResponse(responseCode = "202", description = "Where the upgrade stands now.", content = @Content(
            schema = @Schema(implementation = TenantJson.Upgrade.class)))
    public Response retryUpgrade(@PathParam("label") String label) {
        requirePublicHostAndSuperUser();
        if (!TenantLabel.isWellFormed(label)) {
            throw new UnknownTenantException(label);
        }
        Tenant tenant = directory.find(new TenantLabel(label)).orElseThrow(() -> new UnknownTenantException(label));
        return Response.accepted(TenantJson.Upgrade.of(upgrade.retryNow(tenant))).build();
    }

    /**
     * Records a paid period ({@link Renewals#record}): {@code {"months": N}} or {@code {"until": …}}
     * extends paid-until; 201 with the period. Super-users only (an operator's billing system calls
     * it with a super-user's token).
     */
    @POST
    @Path("{label}/renewals")
    @APIResponse(responseCode = "201", description = "The period recorded.", content = @Content(schema = @Schema(
            implementation = Renewals.Renewal.class)))
    public Response renew(@PathParam("label") String label, TenantJson.NewRenewal renewal) {
        requirePublicHostAndSuperUser();
        Tenant tenant = tenant(label);
        if (renewal == null) {
            throw new IllegalArgumentException("Send {\"months\": 12} or {\"until\": \"2027-01-01T00:00:00Z\"}.");
        }
        Renewals.Renewal made = renewals.record(tenant, Optional.ofNullable(renewal.months()),
                Optional.ofNullable(renewal.until()));
        return Response.created(URI.create(uri.getAbsolutePath().toString())).entity(made).build();
    }

    /** The tenant's paid periods, newest first; takes {@code offset} and {@code limit}. */
    @GET
    @Path("{label}/renewals")
    public PageJson<Renewals.Renewal> renewals(@PathParam("label") String label) {
        requirePublicHostAndSuperUser();
        return PageJson.window(renewals.of(tenant(label)), ListParams.window(uri));
    }

    /**
     * Creates a tenant ({@link TenantCreation}, as the new-tenant page does, for whoever may create
     * one there, under the same rules and per-owner quota): 201 with it and its address. {@code owner}
     * names another owner than the caller, {@code paidUntil} a paid-until, {@code ?path=migrate}
     * builds it from the migrations: a super-user's to give.
     */
    @POST
    @APIResponse(responseCode = "201", description = "The tenant made.", content = @Content(schema = @Schema(
            implementation = TenantJson.class)))
    public Response create(TenantJson.New request, @QueryParam("path") @DefaultValue("clone") String path) {
        requirePublicHost();
        if (request == null) {
            throw new IllegalArgumentException("Send {\"label\": \"acme\", \"name\": \"Acme Inc.\"}.");
        }
        Tenant tenant = creation.create(new TenantCreation.Request(request.label(), request.name(),
                request.organization(), Boolean.TRUE.equals(request.publiclyReadable()),
                Optional.ofNullable(request.owner()), Optional.ofNullable(request.paidUntil()), pathOf(path)));
        TenantJson created = json(tenant);
        return Response.created(URI.create(uri.getAbsolutePath() + "/" + created.label())).entity(created).build();
    }

    @DELETE
    @Path("{label}")
    @APIResponse(responseCode = "204", description = "Deleted, with its schema and files.")
    public Response delete(@PathParam("label") String label) {
        requirePublicHostAndSuperUser();
        provisioning.delete(label);
        return Response.noContent().build();
    }

    private void requirePublicHostAndSuperUser() {
        requirePublicHost();
        caller.requireSuperUser();
    }

    private void requirePublicHost() {
        if (!context.tenant().isPublic()) {
            throw new NotFoundException("Tenants are managed on the public host, public." + domain.name() + ".");
        }
    }

    private Tenant tenant(String label) {
        if (!TenantLabel.isWellFormed(label)) {
            throw new UnknownTenantException(label);
        }
        return directory.find(new TenantLabel(label)).orElseThrow(() -> new UnknownTenantException(label));
    }

    private static ProvisioningPath pathOf(String path) {
        try {
            return ProvisioningPath.valueOf(path.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown provisioning path '" + path + "'; use clone or migrate.");
        }
    }

    private long ownerId(String username) {
        return accounts.findActive(username).orElseThrow(() -> new UnknownAccountException(username)).id();
    }

    private TenantJson json(Tenant tenant) {
        TenantTerms terms = tenantTerms.of(tenant);
        return json(tenant, terms, terms.ownerId().flatMap(accounts::findActive).map(Account::username).orElse(null));
    }

    private TenantJson json(Tenant tenant, TenantTerms terms, String owner) {
        return TenantJson.of(tenant, terms, plans.of(terms), owner, urls.rootOf(tenant.label(), request),
                upgrades.of(tenant));
    }
}
