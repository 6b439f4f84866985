package io.tenantry.api;

import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.stream.Stream;

import io.tenantry.api.WorkspaceJson.CommentJson;
import io.tenantry.api.WorkspaceJson.ExecutionJson;
import io.tenantry.api.WorkspaceJson.RunDetailJson;
import io.tenantry.api.WorkspaceJson.RunJson;
import io.tenantry.tenancy.TenantData;
import io.tenantry.workspace.Comment;
import io.tenantry.workspace.JUnitImport;
import io.tenantry.workspace.People;
import io.tenantry.workspace.TestExecution;
import io.tenantry.workspace.TestRun;
import io.tenantry.workspace.TestRuns;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
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

/**
 * The current tenant's test runs and their executions. Lists take {@code offset}, {@code limit},
 * {@code sort} (id, summary, createdAt, startedAt, finishedAt), {@code order=desc} and the filters
 * {@code plan}, {@code product}, {@code build}, {@code finished}, {@code q}.
 */
@Path("runs")
@RequestScoped
// One transaction for the answer: entities are turned into JSON while the tenant is bound.
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
    People people;

    @Inject
    CommentsJson comments;

    @Context
    UriInfo uri;

    @GET
    public PageJson<RunJson> list() {
        var page = runs.list(ListParams.of(uri));
        var names = people.namesOf(page.items().stream()
                .flatMap(r -> Stream.of(r.managerId(), r.defaultTesterId())).toList());
        return PageJson.of(page.map(run -> RunJson.of(run, names)));
    }

    @GET
    @Path("{id}")
    public RunDetailJson get(@PathParam("id") long id) {
        return detail(runs.get(id));
    }

    /** Makes the run with an execution for each confirmed case of the plan. */
    @POST
    public Response create(TestRuns.Input input) {
        RunDetailJson created = detail(runs.add(Inputs.require(input)));
        return Response.created(URI.create(uri.getAbsolutePath() + "/" + created.run().id())).entity(created).build();
    }

    @PUT
    @Path("{id}")
    public RunDetailJson change(@PathParam("id") long id, TestRuns.Input input) {
        return detail(runs.change(id, Inputs.require(input)));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") long id) {
        runs.remove(id);
        return Response.noContent().build();
    }

    /** Adds a case of the plan's product to the run: {"caseId": 12}. */
    @POST
    @Path("{id}/executions")
    public ExecutionJson addCase(@PathParam("id") long id, CaseRef input) {
        return execution(runs.addCase(id, Inputs.require(input).caseId()));
    }

    @GET
    @Path("{id}/executions/{executionId}")
    public ExecutionJson execution(@PathParam("id") long id, @PathParam("executionId") long executionId) {
        return execution(runs.execution(id, executionId));
    }

    /** Sets {"status": "PASSED", "comment": "…", "assignee": "jane"}, any of them. */
    @PUT
    @Path("{id}/executions/{executionId}")
    public ExecutionJson record(@PathParam("id") long id, @PathParam("executionId") long executionId,
            TestRuns.ExecutionInput input) {
        return execution(runs.record(id, executionId, Inputs.require(input)));
    }

    /** Feeds the run from a JUnit XML report (the body, as sent by Surefire, Gradle, pytest…). */
    @POST
    @Path("{id}/junit")
    @Consumes({MediaType.APPLICATION_XML, MediaType.TEXT_XML})
    public JUnitImport.Outcome importJUnit(@PathParam("id") long id, InputStream report) {
        return junit.into(id, report);
    }

    @GET
    @Path("{id}/comments")
    public List<CommentJson> comments(@PathParam("id") long id) {
        return comments.of(Comment.Subject.RUN, id);
    }

    @POST
    @Path("{id}/comments")
    public Response comment(@PathParam("id") long id, CommentJson.Input input) {
        return comments.add(Comment.Subject.RUN, id, input);
    }

    @GET
    @Path("{id}/executions/{executionId}/comments")
    public List<CommentJson> executionComments(@PathParam("id") long id, @PathParam("executionId") long executionId) {
        return comments.of(Comment.Subject.EXECUTION, runs.execution(id, executionId).id());
    }

    @POST
    @Path("{id}/executions/{executionId}/comments")
    public Response executionComment(@PathParam("id") long id, @PathParam("executionId") long executionId,
            CommentJson.Input input) {
        return comments.add(Comment.Subject.EXECUTION, runs.execution(id, executionId).id(), input);
    }

    /** A case named by id. */
    public record CaseRef(long caseId) {
    }

    private RunDetailJson detail(TestRun run) {
        var names = people.namesOf(Stream.concat(Stream.of(run.managerId(), run.defaultTesterId()),
                run.executions().stream().map(TestExecution::assigneeId)).toList());
        return new RunDetailJson(RunJson.of(run, names), run.executions().stream()
                .map(e -> ExecutionJson.of(e, names)).toList());
    }

    private ExecutionJson execution(TestExecution execution) {
        return ExecutionJson.of(execution, people.namesOf(Stream.of(execution.assigneeId()).toList()));
    }
}
