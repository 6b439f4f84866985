package io.tenantry.access;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The current tenant's authorized users ({@code /api/members}), and removing one; the service decides who
 * may. Groups and their members: {@link GroupsResource}.
 * People join by invitation only ({@code /api/invitations}), so there is no adding by user name.
 */
@Path("members")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MembersResource {

    @Inject
    Members members;

    @GET
    public List<Member> members() {
        return members.list();
    }

    @DELETE
    @Path("{username}")
    public Response remove(@PathParam("username") String username) {
        members.remove(username);
        return Response.noContent().build();
    }
}
