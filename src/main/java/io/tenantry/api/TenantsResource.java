package io.tenantry.api;

import java.net.URI;
import java.util.Comparator;
import java.util.List;

import io.tenantry.accounts.CurrentCaller;
import io.tenantry.provisioning.ProvisioningPath;
import io.tenantry.provisioning.TenantProvisioning;
import io.tenantry.provisioning.UnknownTenantException;
import io.tenantry.tenancy.TenantContext;
import io.tenantry.tenancy.TenantDirectory;
import io.tenantry.tenancy.TenantLabel;
import io.tenantry.tenancy.TenantsDomain;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * Tenant management, on the public host only, for super-users. {@code ?path=migrate} builds the
 * schema from the migrations instead of cloning the template (for operators who compare the two).
 */
@Path("tenants")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TenantsResource {

    @Inject
    TenantContext context;

    @Inject
    CurrentCaller caller;

    @Inject
    TenantProvisioning provisioning;

    @Inject
    TenantDirectory directory;

    @Inject
    TenantsDomain domain;

    @Context
    UriInfo uri;

    @GET
    public List<TenantJson> list() {
        requirePublicHostAndSuperUser();
        return directory.all().stream().sorted(Comparator.comparing(t -> t.label().value())).map(this::json).toList();
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

    @POST
    public Response create(TenantJson.New request, @QueryParam("path") @DefaultValue("clone") String path) {
        requirePublicHostAndSuperUser();
        if (request == null) {
            throw new IllegalArgumentException("Send {\"label\": \"acme\", \"name\": \"Acme Inc.\"}.");
        }
        TenantJson created = json(provisioning.create(request.label(), request.name(), pathOf(path)));
        return Response.created(URI.create(uri.getAbsolutePath() + "/" + created.label())).entity(created).build();
    }

    @DELETE
    @Path("{label}")
    public Response delete(@PathParam("label") String label) {
        requirePublicHostAndSuperUser();
        provisioning.delete(label);
        return Response.noContent().build();
    }

    private void requirePublicHostAndSuperUser() {
        if (!context.tenant().isPublic()) {
            throw new NotFoundException("Tenants are managed on the public host, public." + domain.name() + ".");
        }
        caller.requireSuperUser();
    }

    private static ProvisioningPath pathOf(String path) {
        try {
            return ProvisioningPath.valueOf(path.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown provisioning path '" + path + "'; use clone or migrate.");
        }
    }

    private TenantJson json(io.tenantry.tenancy.Tenant tenant) {
        return TenantJson.of(tenant, domain, uri.getBaseUri().getScheme(), uri.getBaseUri().getPort());
    }
}
