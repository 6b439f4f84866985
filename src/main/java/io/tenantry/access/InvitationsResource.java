package io.tenantry.access;

import java.util.List;

import io.tenantry.tenancy.TenantContext;
import io.tenantry.tenancy.TenantUrls;
import jakarta.enterprise.context.RequestScoped;
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

/**
 * The current tenant's invitations ({@code /api/invitations}): the pending ones, new ones by e-mail
 * address, sent again, revoked; the service ({@code access.Invitations}) checks who may.
 */
@Path("invitations")
@RequestScoped
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

    /** Addresses to invite, separated by commas, spaces or lines. */
    public record InvitationInput(String emails) {
    }

    @GET
    public List<Invitations.Pending> pending() {
        return invitations.pending();
    }

    @POST
    public List<Invitations.Result> invite(InvitationInput input) {
        return invitations.invite(input == null ? null : input.emails(), urls.publicRoot(request),
                urls.rootOf(context.tenant().label(), request));
    }

    @POST
    @Path("{id}/resend")
    public Response resend(@PathParam("id") long id) {
        invitations.resend(id, urls.publicRoot(request), urls.rootOf(context.tenant().label(), request));
        return Response.noContent().build();
    }

    @DELETE
    @Path("{id}")
    public Response revoke(@PathParam("id") long id) {
        invitations.revoke(id);
        return Response.noContent().build();
    }
}
