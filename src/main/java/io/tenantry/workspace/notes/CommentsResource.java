package io.tenantry.workspace.notes;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.tenantry.api.Inputs;
import io.tenantry.tenancy.TenantData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * A comment on its own (they are listed and added under their case, run or execution): its author
 * changes it; its author, or anyone who may change what it is about, removes it.
 */
@Path("comments")
@ApplicationScoped
@Transactional
@TenantData
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CommentsResource {

    @Inject
    Comments comments;

    @Inject
    NoteViews notes;

    @PUT
    @Path("{id}")
    public CommentView change(@PathParam("id") long id, CommentView.Input input) {
        return notes.changeComment(id, Inputs.require(input).text());
    }

    @DELETE
    @Path("{id}")
    @APIResponse(responseCode = "204", description = "Deleted.")
    public Response delete(@PathParam("id") long id) {
        comments.remove(id);
        return Response.noContent().build();
    }
}
