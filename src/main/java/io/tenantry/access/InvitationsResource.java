package io.tenantry.access;

import java.net.URI;
import java.util.List;
import java.util.Objects;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.tenantry.api.Inputs;
import io.tenantry.api.ListParams;
import io.tenantry.api.PageJson;
import io.tenantry.tenancy.TenantContext;
import io.tenantry.tenancy.TenantUrls;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
 * The current tenant's invitations ({@code /api/invitations}): the pending ones, new ones by e-mail
 * address, sent again, revoked; the service ({@code access.Invitations}) checks who may. An
 * invitation's {@code id} is its number among this tenant's (1, 2, …), in paths and Location headers too.
 */
@Path("invitations")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InvitationsResource {

    @Inject
    Invitations invitations;

    @Inject
    TenantContext context;

    @Inject
    TenantUrls urls;

    @Context
    HttpServletRequest request;

    @Context
    UriInfo uri;

    /** The addresses to invite: {"emails": ["jane@example.com", "joe@example.com"]}. */
    @Schema(name = "InvitationsInput")
    public record InvitationInput(List<String> emails) {
    }

    /** What became of each address, in the order sent; an invitation recorded names its {@code id}. */
    public record InvitedJson(List<Invitations.Result> results) {

        /** The number of results, not the results: equal answers still hash alike. */
        @Override
        public int hashCode() {
            // Yasson takes it on entering and leaving each object it writes (io.tenantry.api.PageJson#hashCode).
            return results.size();
        }
    }

    /** A window of the pending invitations, newest first; takes {@code offset} and {@code limit}. */
    @GET
    public PageJson<Invitations.Pending> pending() {
        return PageJson.window(invitations.pending(), ListParams.window(uri));
    }

    @GET
    @Path("{id}")
    public Invitations.Pending invitation(@PathParam("id") long id) {
        return invitations.get(id);
    }

    /**
     * Invites each address (a member is left alone, a pending invitation is sent again): 201 with the
     * outcome per address and, as Location, the first invitation recorded; 200 when none was (every
     * address was a member's already).
     */
    @POST
    @APIResponse(responseCode = "201", description = "Invitations recorded; Location names the first.",
            content = @Content(schema = @Schema(implementation = InvitedJson.class)))
    @APIResponse(responseCode = "200", description = "No invitation recorded: every address is a member's.",
            content = @Content(schema = @Schema(implementation = InvitedJson.class)))
    public Response invite(InvitationInput input) {
        List<Invitations.Result> results = invitations.invite(Inputs.require(input).emails(), urls.publicRoot(request),
                urls.rootOf(context.tenant().label(), request));
        InvitedJson answer = new InvitedJson(results);
        return results.stream().map(Invitations.Result::id).filter(Objects::nonNull).findFirst()
                .map(id -> Response.created(URI.create(uri.getAbsolutePath() + "/" + id)))
                .orElseGet(Response::ok).entity(answer).build();
    }

    @POST
    @Path("{id}/resend")
    @APIResponse(responseCode = "204", description = "Sent again.")
    public Response resend(@PathParam("id") long id) {
        invitations.resend(id, urls.publicRoot(request), urls.rootOf(context.tenant().label(), request));
        return Response.noContent().build();
    }

    @DELETE
    @Path("{id}")
    @APIResponse(responseCode = "204", description = "Revoked: its link no longer works.")
    public Response revoke(@PathParam("id") long id) {
        invitations.revoke(id);
        return Response.noContent().build();
    }
}
