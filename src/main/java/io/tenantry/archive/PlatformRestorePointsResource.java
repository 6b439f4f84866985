package io.tenantry.archive;

import java.net.URI;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.tenantry.api.ListParams;
import io.tenantry.api.PageJson;
import io.tenantry.tenancy.TenantLabel;
import io.tenantry.tenancy.TenantUrls;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
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
 * Any tenant's restore points for the platform's operators ({@code /api/admin/restore-points/{label}}):
 * super-users on the master host only ({@link PlatformRestorePoints} decides). They list a tenant's
 * points and take one now, or take the tenant's scheduled point of today at once (what the schedule
 * would do at RESTORE_POINTS_AT). Restoring is done on the tenant's host, by its owner or a super-user.
 */
@Path("admin/restore-points/{label}")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class PlatformRestorePointsResource {

    @Inject
    PlatformRestorePoints points;

    @Inject
    TenantUrls urls;

    @Context
    HttpServletRequest request;

    @Context
    UriInfo uri;

    /** The tenant's points, newest first; takes {@code offset} and {@code limit}. */
    @GET
    public PageJson<RestorePoint> list(@PathParam("label") String label) {
        return PageJson.window(points.of(label), ListParams.window(uri));
    }

    /** Takes a restore point of the tenant now. */
    @POST
    @APIResponse(responseCode = "201", description = "The restore point taken.", content = @Content(schema = @Schema(
            implementation = RestorePoint.class)))
    public Response take(@PathParam("label") String label) {
        return created(points.take(label));
    }

    /** Takes the tenant's scheduled point of today now; 409 when an instance took it already. */
    @POST
    @Path("scheduled")
    @APIResponse(responseCode = "201", description = "Today's scheduled restore point, taken.", content = @Content(
            schema = @Schema(implementation = RestorePoint.class)))
    public Response takeScheduled(@PathParam("label") String label) {
        return created(points.takeScheduled(label));
    }

    /** Located where the tenant's own API reads it: on its host. */
    private Response created(RestorePoint point) {
        return Response.created(URI.create(urls.rootOf(new TenantLabel(point.tenant()), request) + "/api/restore-points/"
                + point.id())).entity(point).build();
    }
}
