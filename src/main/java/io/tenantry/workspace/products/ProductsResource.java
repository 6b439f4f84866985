package io.tenantry.workspace.products;

import java.net.URI;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.tenantry.api.Inputs;
import io.tenantry.api.ListParams;
import io.tenantry.api.PageJson;
import io.tenantry.tenancy.TenantData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * The current tenant's products: the host decides whose. Lists take {@code offset}, {@code limit},
 * {@code sort} (id, name, createdAt), {@code order=desc} and the filter {@code name}.
 */
@Path("products")
@ApplicationScoped
// One transaction for the answer: entities are turned into JSON while the tenant is bound.
@Transactional
@TenantData
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProductsResource {

    @Inject
    ProductCatalog catalog;

    @Context
    UriInfo uri;

    @GET
    public PageJson<ProductJson> list() {
        return PageJson.of(catalog.list(ListParams.of(uri)).map(ProductJson::of));
    }

    @GET
    @Path("{id}")
    public ProductJson get(@PathParam("id") long id) {
        return ProductJson.of(catalog.get(id));
    }

    @POST
    @APIResponse(responseCode = "201", description = "The product made.", content = @Content(schema = @Schema(
            implementation = ProductJson.class)))
    public Response create(ProductJson.Input input) {
        ProductJson created = ProductJson.of(catalog.add(require(input).name(), input.description()));
        return Response.created(URI.create(uri.getAbsolutePath() + "/" + created.id())).entity(created).build();
    }

    @PUT
    @Path("{id}")
    public ProductJson change(@PathParam("id") long id, ProductJson.Input input) {
        return ProductJson.of(catalog.change(id, require(input).name(), input.description()));
    }

    @DELETE
    @Path("{id}")
    @APIResponse(responseCode = "204", description = "Deleted.")
    public Response delete(@PathParam("id") long id) {
        catalog.remove(id);
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/versions")
    @APIResponse(responseCode = "201", description = "The version made.", content = @Content(schema = @Schema(
            implementation = ProductJson.VersionJson.class)))
    public Response addVersion(@PathParam("id") long id, ProductJson.VersionJson.Input input) {
        if (input == null) {
            throw new IllegalArgumentException("Send {\"value\": \"1.0\"}.");
        }
        ProductJson.VersionJson created = ProductJson.VersionJson.of(catalog.addVersion(id, input.value()));
        return Response.created(URI.create(uri.getAbsolutePath() + "/" + created.id())).entity(created).build();
    }

    @GET
    @Path("{id}/versions/{versionId}")
    public ProductJson.VersionJson version(@PathParam("id") long id, @PathParam("versionId") long versionId) {
        return ProductJson.VersionJson.of(catalog.getVersion(id, versionId));
    }

    @PUT
    @Path("{id}/versions/{versionId}")
    public ProductJson.VersionJson changeVersion(@PathParam("id") long id, @PathParam("versionId") long versionId,
            ProductJson.VersionJson.Input input) {
        return ProductJson.VersionJson.of(catalog.changeVersion(id, versionId, Inputs.require(input).value()));
    }

    @DELETE
    @Path("{id}/versions/{versionId}")
    @APIResponse(responseCode = "204", description = "Removed; plans of the version keep their place without it.")
    public Response removeVersion(@PathParam("id") long id, @PathParam("versionId") long versionId) {
        catalog.removeVersion(id, versionId);
        return Response.noContent().build();
    }

    @DELETE
    @Path("{id}/builds/{buildId}")
    @APIResponse(responseCode = "204", description = "Removed; runs against it keep their results.")
    public Response removeBuild(@PathParam("id") long id, @PathParam("buildId") long buildId) {
        catalog.removeBuild(id, buildId);
        return Response.noContent().build();
    }

    /** A window of the product's builds, oldest first; takes {@code offset} and {@code limit}. */
    @GET
    @Path("{id}/builds")
    public PageJson<BuildView> builds(@PathParam("id") long id) {
        return PageJson.window(catalog.builds(id).stream().map(BuildView::of).toList(), ListParams.window(uri));
    }

    @GET
    @Path("{id}/builds/{buildId}")
    public BuildView build(@PathParam("id") long id, @PathParam("buildId") long buildId) {
        return BuildView.of(catalog.getBuild(id, buildId));
    }

    @POST
    @Path("{id}/builds")
    @APIResponse(responseCode = "201", description = "The build made.", content = @Content(schema = @Schema(
            implementation = BuildView.class)))
    public Response addBuild(@PathParam("id") long id, BuildView.Input input) {
        BuildView created = BuildView.of(catalog.addBuild(id, Inputs.require(input).name()));
        return Response.created(URI.create(uri.getAbsolutePath() + "/" + created.id())).entity(created).build();
    }

    @PUT
    @Path("{id}/builds/{buildId}")
    public BuildView changeBuild(@PathParam("id") long id, @PathParam("buildId") long buildId,
            BuildView.Input input) {
        return BuildView.of(catalog.changeBuild(id, buildId, Inputs.require(input).name(),
                input.active() == null || input.active()));
    }

    private static ProductJson.Input require(ProductJson.Input input) {
        if (input == null) {
            throw new IllegalArgumentException("Send {\"name\": \"...\", \"description\": \"...\"}.");
        }
        return input;
    }
}
