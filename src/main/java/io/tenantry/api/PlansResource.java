package io.tenantry.api;

import java.net.URI;
import java.util.Collections;
import java.util.List;

import io.tenantry.api.WorkspaceJson.CaseIds;
import io.tenantry.api.WorkspaceJson.PlanDetailJson;
import io.tenantry.api.WorkspaceJson.PlanJson;
import io.tenantry.tenancy.TenantData;
import io.tenantry.workspace.People;
import io.tenantry.workspace.TestPlan;
import io.tenantry.workspace.TestPlans;
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
 * The current tenant's test plans. Lists take {@code offset}, {@code limit}, {@code sort} (id,
 * name, createdAt), {@code order=desc} and the filters {@code product}, {@code active}, {@code q}.
 */
@Path("plans")
@RequestScoped
// One transaction for the answer: entities are turned into JSON while the tenant is bound.
@Transactional
@TenantData
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PlansResource {

    @Inject
    TestPlans plans;

    @Inject
    People people;

    @Context
    UriInfo uri;

    @GET
    public PageJson<PlanJson> list() {
        var page = plans.list(ListParams.of(uri));
        var names = people.namesOf(page.items().stream().map(TestPlan::authorId).toList());
        return PageJson.of(page.map(plan -> PlanJson.of(plan, names)));
    }

    @GET
    @Path("{id}")
    public PlanDetailJson get(@PathParam("id") long id) {
        return detail(plans.get(id));
    }

    @POST
    public Response create(TestPlans.Input input) {
        PlanDetailJson created = detail(plans.add(Inputs.require(input)));
        return Response.created(URI.create(uri.getAbsolutePath() + "/" + created.id())).entity(created).build();
    }

    @PUT
    @Path("{id}")
    public PlanDetailJson change(@PathParam("id") long id, TestPlans.Input input) {
        return detail(plans.change(id, Inputs.require(input)));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") long id) {
        plans.remove(id);
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/cases")
    public PlanDetailJson addCases(@PathParam("id") long id, CaseIds input) {
        return detail(plans.addCases(id, Inputs.require(input).caseIds() == null ? List.of() : input.caseIds()));
    }

    @DELETE
    @Path("{id}/cases/{caseId}")
    public Response removeCase(@PathParam("id") long id, @PathParam("caseId") long caseId) {
        plans.removeCase(id, caseId);
        return Response.noContent().build();
    }

    private PlanDetailJson detail(TestPlan plan) {
        return PlanDetailJson.of(plan, people.namesOf(Collections.singletonList(plan.authorId())));
    }
}
