package io.tenantry.access;

import java.net.URI;
import java.util.EnumSet;
import java.util.Set;

import io.tenantry.api.Inputs;
import io.tenantry.api.ListParams;
import io.tenantry.api.PageJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The current tenant's groups ({@code /api/groups}): listed, made, changed, deleted, and their
 * members added and removed; the service ({@code access.Groups}) checks who may.
 */
@Path("groups")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class GroupsResource {

    @Inject
    Groups groups;

    @Context
    UriInfo uri;

    public record GroupInput(String name, Boolean memberDefault, Set<Permission> permissions) {
    }

    /** Names a user: {"username": "jane"}. */
    public record UserInput(String username) {
    }

    /** A window of the groups, built-in ones first, then by name; takes {@code offset} and {@code limit}. */
    @GET
    public PageJson<Group> groups() {
        return PageJson.window(groups.list(), ListParams.window(uri));
    }

    @GET
    @Path("{id}")
    public Group group(@PathParam("id") long id) {
        return groups.get(id);
    }

    @POST
    @Path("{id}/members")
    @APIResponse(responseCode = "204", description = "The account is a member of the group.")
    public Response addToGroup(@PathParam("id") long groupId, UserInput input) {
        groups.addMember(groupId, require(input));
        return Response.noContent().build();
    }

    @DELETE
    @Path("{id}/members/{username}")
    @APIResponse(responseCode = "204", description = "The account has left the group.")
    public Response removeFromGroup(@PathParam("id") long groupId, @PathParam("username") String username) {
        groups.removeMember(groupId, username);
        return Response.noContent().build();
    }

    /** Makes a group with the permissions given: 201 with the group and its address. */
    @POST
    @APIResponse(responseCode = "201", description = "The group made.", content = @Content(schema = @Schema(
            implementation = Group.class)))
    public Response createGroup(GroupInput input) {
        long id = groups.create(Inputs.require(input).name());
        if (input.permissions() != null) {
            groups.grant(id, input.permissions());
        }
        return Response.created(URI.create(uri.getAbsolutePath() + "/" + id)).entity(groups.get(id)).build();
    }

    /** Changes what is given: name (not built-ins), whether new members join, permissions (not Administrator's). */
    @PUT
    @Path("{id}")
    @APIResponse(responseCode = "204", description = "Changed.")
    public Response changeGroup(@PathParam("id") long id, GroupInput input) {
        if (input == null) {
            throw new IllegalArgumentException("Send {\"name\", \"memberDefault\", \"permissions\"} (any of them).");
        }
        if (input.name() != null) {
            groups.rename(id, input.name());
        }
        if (input.memberDefault() != null) {
            groups.markDefault(id, input.memberDefault());
        }
        if (input.permissions() != null) {
            groups.grant(id, input.permissions().isEmpty() ? EnumSet.noneOf(Permission.class) : input.permissions());
        }
        return Response.noContent().build();
    }

    @DELETE
    @Path("{id}")
    @APIResponse(responseCode = "204", description = "Deleted.")
    public Response deleteGroup(@PathParam("id") long id) {
        groups.delete(id);
        return Response.noContent().build();
    }

    private static String require(UserInput input) {
        if (input == null || input.username() == null) {
            throw new IllegalArgumentException("Send {\"username\": \"...\"}.");
        }
        return input.username();
    }
}
