package io.tenantry.api;

import java.net.URI;
import java.util.List;
import java.util.stream.Stream;

import io.tenantry.api.WorkspaceJson.CaseJson;
import io.tenantry.api.WorkspaceJson.ChangeJson;
import io.tenantry.api.WorkspaceJson.CommentJson;
import io.tenantry.tenancy.TenantData;
import io.tenantry.workspace.CaseChange;
import io.tenantry.workspace.Comment;
import io.tenantry.workspace.People;
import io.tenantry.workspace.TestCase;
import io.tenantry.workspace.TestCases;
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
 * The current tenant's test cases. Lists take {@code offset}, {@code limit}, {@code sort} (id,
 * summary, priority, status, category, updatedAt), {@code order=desc} and the filters {@code product},
 * {@code plan}, {@code status}, {@code priority}, {@code category}, {@code tag}, {@code automated},
 * {@code q} (in the summary). A change may carry the {@code rowVersion} last read: if the case was
 * saved since, the answer is 409.
 */
@Path("cases")
@RequestScoped
// One transaction for the answer: entities are turned into JSON while the tenant is bound.
@Transactional
@TenantData
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CasesResource {

    @Inject
    TestCases cases;

    @Inject
    People people;

    @Inject
    CommentsJson comments;

    @Context
    UriInfo uri;

    @GET
    public PageJson<CaseJson> list() {
        var page = cases.list(ListParams.of(uri));
        var names = people.namesOf(page.items().stream()
                .flatMap(c -> Stream.of(c.authorId(), c.defaultTesterId())).toList());
        return PageJson.of(page.map(c -> CaseJson.of(c, names)));
    }

    @GET
    @Path("{id}")
    public CaseJson get(@PathParam("id") long id) {
        return json(cases.get(id));
    }

    @POST
    public Response create(TestCases.Input input) {
        CaseJson created = json(cases.add(Inputs.require(input)));
        return Response.created(URI.create(uri.getAbsolutePath() + "/" + created.id())).entity(created).build();
    }

    @PUT
    @Path("{id}")
    public CaseJson change(@PathParam("id") long id, TestCases.Input input) {
        return json(cases.change(id, Inputs.require(input)));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") long id) {
        cases.remove(id);
        return Response.noContent().build();
    }

    /** Who changed which field and when, oldest first. */
    @GET
    @Path("{id}/history")
    public List<ChangeJson> history(@PathParam("id") long id) {
        List<CaseChange> changes = cases.history(id);
        var names = people.namesOf(changes.stream().map(CaseChange::accountId).toList());
        return changes.stream().map(change -> ChangeJson.of(change, names)).toList();
    }

    @GET
    @Path("{id}/comments")
    public List<CommentJson> comments(@PathParam("id") long id) {
        return comments.of(Comment.Subject.CASE, id);
    }

    @POST
    @Path("{id}/comments")
    public Response comment(@PathParam("id") long id, CommentJson.Input input) {
        return comments.add(Comment.Subject.CASE, id, input);
    }

    private CaseJson json(TestCase c) {
        return CaseJson.of(c, people.namesOf(Stream.of(c.authorId(), c.defaultTesterId()).toList()));
    }
}
