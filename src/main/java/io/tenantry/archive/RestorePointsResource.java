package io.tenantry.archive;

import java.net.URI;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.tenantry.api.ListParams;
import io.tenantry.api.PageJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * The current tenant's restore points ({@code /api/restore-points}): listed newest first, taken
 * now, one restored; {@link RestorePoints} decides who may. A point's {@code id} is its number among
 * this tenant's points (1, 2, …), in paths and Location headers too. The archives themselves are never
 * sent: they stay on the server.
 */
@Path("restore-points")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class RestorePointsResource {

    @Inject
    RestorePoints points;

    @Context
    UriInfo uri;

    /** The tenant's points, newest first; takes {@code offset} and {@code limit}. */
    @GET
    public PageJson<RestorePoint> list() {
        return PageJson.window(points.list(), ListParams.window(uri));
    }

    @GET
    @Path("{id}")
    public RestorePoint get(@PathParam("id") long id) {
        return points.get(id);
    }

    /** Takes a restore point of the tenant as it is now. */
    @POST
    @APIResponse(responseCode = "201", description = "The restore point taken.", content = @Content(schema = @Schema(
            implementation = RestorePoint.class)))
    public Response take() {
        RestorePoint point = points.takeNow();
        return Response.created(URI.create(uri.getAbsolutePath() + "/" + point.id())).entity(point).build();
    }

    /**
     * Replaces the tenant's data and files with the point's, all or nothing, after taking a point
     * of what it replaces; the tenant's other requests answer 503 meanwhile.
     */
    @POST
    @Path("{id}/restore")
    public TenantImport.Outcome restore(@PathParam("id") long id) {
        return points.restore(id);
    }
}
