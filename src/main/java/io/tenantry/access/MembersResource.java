package io.tenantry.access;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.tenantry.api.ListParams;
import io.tenantry.api.PageJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * The current tenant's authorized users ({@code /api/members}), and removing one; the service decides who
 * may. Groups and their members: {@link GroupsResource}.
 * People join by invitation only ({@code /api/invitations}), so there is no adding by user name.
 */
@Path("members")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MembersResource {

    @Inject
    Members members;

    @Context
    UriInfo uri;

    /** A window of the members, by user name; takes {@code offset} and {@code limit}. */
    @GET
    public PageJson<Member> members() {
        return PageJson.window(members.list(), ListParams.window(uri));
    }

    @DELETE
    @Path("{username}")
    @APIResponse(responseCode = "204", description = "The account is no longer a member.")
    public Response remove(@PathParam("username") String username) {
        members.remove(username);
        return Response.noContent().build();
    }
}
