package io.tenantry.workspace.runs;

import java.io.InputStream;
import java.net.URI;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.tenantry.api.Inputs;
import io.tenantry.api.ListParams;
import io.tenantry.api.PageJson;
import io.tenantry.platform.SpooledBody;
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
 * The current tenant's test runs and their executions. Lists take {@code offset}, {@code limit},
 * {@code sort} (id, summary, createdAt, startedAt, finishedAt), {@code order=desc} and the filters
 * {@code plan}, {@code product}, {@code build}, {@code finished}, {@code summary} (a part of it).
 */
@Path("runs")
@ApplicationScoped
// One transaction per call: a change and the answer that shows it are one unit.
@Transactional
@TenantData
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RunsResource {

    @Inject
    TestRuns runs;

    @Inject
    JUnitImport junit;

    @Inject
    RunViews runViews;

    @Inject
    NoteViews notes;

    @Context
    UriInfo uri;

    @GET
    public PageJson<RunView> list() {
        return PageJson.of(runViews.runs(ListParams.of(uri)));
    }

    @GET
    @Path("{id}")
    public RunDetail get(@PathParam("id") long id) {
        return runViews.run(id);
    }

    /** Makes the run with an execution for each confirmed case of the plan. */
    @POST
    @APIResponse(responseCode = "201", description = "The run made, with its executions.", content = @Content(schema = @Schema(
            implementation = RunDetail.class)))
    public Response create(TestRuns.Input input) {
        RunDetail created = runViews.run(runs.add(Inputs.require(input)).id());
        return Response.created(URI.create(uri.getAbsolutePath() + "/" + created.run().id())).entity(created).build();
    }

    @PUT
    @Path("{id}")
    public RunDetail change(@PathParam("id") long id, TestRuns.Input input) {
        return runViews.run(runs.change(id, Inputs.require(input)).id());
    }

    /** Finishes the run now (its {@code finishedAt}); its executions are refused changes (409) until re-opened. */
    @POST
    @Path("{id}/finish")
    public RunDetail finish(@PathParam("id") long id) {
        return runViews.run(runs.finish(id).id());
    }

    /** Re-opens a finished run: {@code finishedAt} is cleared and its executions may change again. */
    @POST
    @Path("{id}/reopen")
    public RunDetail reopen(@PathParam("id") long id) {
        return runViews.run(runs.reopen(id).id());
    }

    @DELETE
    @Path("{id}")
    @APIResponse(responseCode = "204", description = "Deleted.")
    public Response delete(@PathParam("id") long id) {
        runs.remove(id);
        return Response.noContent().build();
    }

    /** Adds a case of the plan's product to the run: {"caseId": 12}; 201 with its execution and address. */
    @POST
    @Path("{id}/executions")
    @APIResponse(responseCode = "201", description = "The execution made.", content = @Content(schema = @Schema(
            implementation = ExecutionView.class)))
    public Response addCase(@PathParam("id") long id, CaseRef input) {
        ExecutionView created = runViews.execution(id, runs.addCase(id, Inputs.require(input).caseId()).id());
        return Response.created(URI.create(uri.getAbsolutePath() + "/" + created.id())).entity(created).build();
    }

    @GET
    @Path("{id}/executions/{executionId}")
    public ExecutionView execution(@PathParam("id") long id, @PathParam("executionId") long executionId) {
        return runViews.execution(id, executionId);
    }

    /** Takes the case out of the run. */
    @DELETE
    @Path("{id}/executions/{executionId}")
    @APIResponse(responseCode = "204", description = "The case is no longer in the run.")
    public Response removeExecution(@PathParam("id") long id, @PathParam("executionId") long executionId) {
        runs.removeExecution(id, executionId);
        return Response.noContent().build();
    }

    /** Sets {"status": "PASSED", "comment": "…", "assignee": "jane"}, any of them. */
    @PUT
    @Path("{id}/executions/{executionId}")
    public ExecutionView record(@PathParam("id") long id, @PathParam("executionId") long executionId,
            TestRuns.ExecutionInput input) {
        runs.record(id, executionId, Inputs.require(input));
        return runViews.execution(id, executionId);
    }

    /**
     * Feeds the run from a JUnit XML report (the body, as sent by Surefire, Gradle, pytest…). Outside
     * a transaction: who may is checked first, the report spooled, then read in one transaction.
     */
    @POST
    @Path("{id}/junit")
    @Consumes({MediaType.APPLICATION_XML, MediaType.TEXT_XML})
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public JUnitImport.Outcome importJUnit(@PathParam("id") long id, InputStream report) {
        junit.requireMayImport(id);
        try (SpooledBody spooled = SpooledBody.of(report)) {
            return spooled.read(content -> junit.into(id, content));
        }
    }

    /** The run's comments, oldest first ({@code order=desc}: newest first), a window at a time. */
    @GET
    @Path("{id}/comments")
    public PageJson<CommentView> comments(@PathParam("id") long id) {
        return PageJson.of(notes.comments(Subject.RUN, id, ListParams.window(uri)));
    }

    @POST
    @Path("{id}/comments")
    @APIResponse(responseCode = "201", description = "The comment made.", content = @Content(schema = @Schema(
            implementation = CommentView.class)))
    public Response comment(@PathParam("id") long id, CommentView.Input input) {
        return created(notes.comment(Subject.RUN, id, Inputs.require(input).text()));
    }

    /** The execution's comments, as {@link #comments}. */
    @GET
    @Path("{id}/executions/{executionId}/comments")
    public PageJson<CommentView> executionComments(@PathParam("id") long id, @PathParam("executionId") long executionId) {
        return PageJson.of(notes.comments(Subject.EXECUTION, runViews.execution(id, executionId).id(),
                ListParams.window(uri)));
    }

    @POST
    @Path("{id}/executions/{executionId}/comments")
    @APIResponse(responseCode = "201", description = "The comment made.", content = @Content(schema = @Schema(
            implementation = CommentView.class)))
    public Response executionComment(@PathParam("id") long id, @PathParam("executionId") long executionId,
            CommentView.Input input) {
        long execution = runViews.execution(id, executionId).id();
        return created(notes.comment(Subject.EXECUTION, execution, Inputs.require(input).text()));
    }

    /** The run's attachments, oldest first ({@code order=desc}: newest first), a window at a time. */
    @GET
    @Path("{id}/attachments")
    public PageJson<AttachmentView> attachments(@PathParam("id") long id) {
        return PageJson.of(notes.attachments(Subject.RUN, id, ListParams.window(uri)));
    }

    /** The file is the body; {@code ?name=} gives its name. Outside a transaction, as {@link Uploads} says. */
    @POST
    @Path("{id}/attachments")
    @APIResponse(responseCode = "201", description = "The attachment stored; Location downloads it.", content = @Content(schema = @Schema(
            implementation = AttachmentView.class)))
    @Consumes(MediaType.WILDCARD)
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Response attach(@PathParam("id") long id, @QueryParam("name") String name,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String type, InputStream body) {
        return Uploads.attach(notes, Subject.RUN, id, name, type, body);
    }

    /** The execution's attachments, as {@link #attachments}. */
    @GET
    @Path("{id}/executions/{executionId}/attachments")
    public PageJson<AttachmentView> executionAttachments(@PathParam("id") long id,
            @PathParam("executionId") long executionId) {
        return PageJson.of(notes.attachments(Subject.EXECUTION, runViews.execution(id, executionId).id(),
                ListParams.window(uri)));
    }

    @POST
    @Path("{id}/executions/{executionId}/attachments")
    @APIResponse(responseCode = "201", description = "The attachment stored; Location downloads it.", content = @Content(schema = @Schema(
            implementation = AttachmentView.class)))
    @Consumes(MediaType.WILDCARD)
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Response attachToExecution(@PathParam("id") long id, @PathParam("executionId") long executionId,
            @QueryParam("name") String name, @HeaderParam(HttpHeaders.CONTENT_TYPE) String type, InputStream body) {
        long execution = runViews.execution(id, executionId).id();
        return Uploads.attach(notes, Subject.EXECUTION, execution, name, type, body);
    }

    /** A case named by id. */
    public record CaseRef(long caseId) {
    }

    private static Response created(CommentView comment) {
        return Response.status(Response.Status.CREATED).entity(comment).build();
    }
}
