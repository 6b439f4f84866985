package io.tenantry.workspace.cases;

import java.io.InputStream;
import java.net.URI;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.tenantry.api.Inputs;
import io.tenantry.api.ListParams;
import io.tenantry.api.PageJson;
import io.tenantry.tenancy.TenantData;
import io.tenantry.workspace.notes.AttachmentView;
import io.tenantry.workspace.notes.CommentView;
import io.tenantry.workspace.notes.NoteViews;
import io.tenantry.workspace.notes.Subject;
import io.tenantry.workspace.notes.Uploads;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * The current tenant's test cases. Lists take {@code offset}, {@code limit}, {@code sort} (id,
 * summary, priority, status, category, updatedAt), {@code order=desc} and the filters {@code product},
 * {@code plan}, {@code status}, {@code priority}, {@code category}, {@code tag}, {@code automated},
 * {@code summary} (a part of it). A change may carry the {@code rowVersion} last read: if the case was
 * saved since, the answer is 409.
 */
@Path("cases")
@ApplicationScoped
// One transaction per call: a change and the answer that shows it are one unit.
@Transactional
@TenantData
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CasesResource {

    @Inject
    TestCases cases;

    @Inject
    CaseViews caseViews;

    @Inject
    NoteViews notes;

    @Context
    UriInfo uri;

    @GET
    public PageJson<CaseView> list() {
        return PageJson.of(caseViews.cases(ListParams.of(uri)));
    }

    @GET
    @Path("{id}")
    public CaseView get(@PathParam("id") long id) {
        return caseViews.testCase(id);
    }

    @POST
    @APIResponse(responseCode = "201", description = "The case made.", content = @Content(schema = @Schema(
            implementation = CaseView.class)))
    public Response create(TestCases.Input input) {
        CaseView created = caseViews.testCase(cases.add(Inputs.require(input)).id());
        return Response.created(URI.create(uri.getAbsolutePath() + "/" + created.id())).entity(created).build();
    }

    @PUT
    @Path("{id}")
    public CaseView change(@PathParam("id") long id, TestCases.Input input) {
        return caseViews.testCase(cases.change(id, Inputs.require(input)).id());
    }

    @DELETE
    @Path("{id}")
    @APIResponse(responseCode = "204", description = "Deleted.")
    public Response delete(@PathParam("id") long id) {
        cases.remove(id);
        return Response.noContent().build();
    }

    /** Who changed which field and when, oldest first ({@code order=desc}: newest first), a window at a time. */
    @GET
    @Path("{id}/history")
    public PageJson<ChangeView> history(@PathParam("id") long id) {
        return PageJson.of(caseViews.history(id, ListParams.window(uri)));
    }

    /** The case's comments, oldest first ({@code order=desc}: newest first), a window at a time. */
    @GET
    @Path("{id}/comments")
    public PageJson<CommentView> comments(@PathParam("id") long id) {
        return PageJson.of(notes.comments(Subject.CASE, id, ListParams.window(uri)));
    }

    @POST
    @Path("{id}/comments")
    @APIResponse(responseCode = "201", description = "The comment made.", content = @Content(schema = @Schema(
            implementation = CommentView.class)))
    public Response comment(@PathParam("id") long id, CommentView.Input input) {
        return Response.status(Response.Status.CREATED)
                .entity(notes.comment(Subject.CASE, id, Inputs.require(input).text())).build();
    }

    /** The case's attachments, oldest first ({@code order=desc}: newest first), a window at a time. */
    @GET
    @Path("{id}/attachments")
    public PageJson<AttachmentView> attachments(@PathParam("id") long id) {
        return PageJson.of(notes.attachments(Subject.CASE, id, ListParams.window(uri)));
    }

    /**
     * The file is the body; {@code ?name=} gives its name (curl --data-binary @shot.png "…?name=shot.png").
     * Outside a transaction: who may attach is checked first, the body spooled (see {@link Uploads}), then stored.
     */
    @POST
    @Path("{id}/attachments")
    @APIResponse(responseCode = "201", description = "The attachment stored; Location downloads it.", content = @Content(schema = @Schema(
            implementation = AttachmentView.class)))
    @Consumes(MediaType.WILDCARD)
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Response attach(@PathParam("id") long id, @QueryParam("name") String name,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String type, InputStream body) {
        return Uploads.attach(notes, Subject.CASE, id, name, type, body);
    }
}
