package io.tenantry.api;

import java.util.List;

import io.tenantry.access.Group;
import io.tenantry.access.Groups;
import io.tenantry.access.Member;
import io.tenantry.access.Members;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The current tenant's authorized users and groups; the services decide who may see and change them.
 * People join by invitation only ({@code /api/invitations}), so there is no adding by user name.
 */
@Path("")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MembersResource {

    @Inject
    Members members;

    @Inject
    Groups groups;

    /** Names a user: {"username": "jane"}. */
    public record UserInput(String username) {
    }

    @GET
    @Path("members")
    public List<Member> members() {
        return members.list();
    }

    @DELETE
    @Path("members/{username}")
    public Response remove(@PathParam("username") String username) {
        members.remove(username);
        return Response.noContent().build();
    }

    @GET
    @Path("groups")
    public List<Group> groups() {
        return groups.list();
    }

    @POST
    @Path("groups/{id}/members")
    public Response addToGroup(@PathParam("id") long groupId, UserInput input) {
        groups.addMember(groupId, require(input));
        return Response.noContent().build();
    }

    @DELETE
    @Path("groups/{id}/members/{username}")
    public Response removeFromGroup(@PathParam("id") long groupId, @PathParam("username") String username) {
        groups.removeMember(groupId, username);
        return Response.noContent().build();
    }

    private static String require(UserInput input) {
        if (input == null || input.username() == null) {
            throw new IllegalArgumentException("Send {\"username\": \"...\"}.");
        }
        return input.username();
    }
}
