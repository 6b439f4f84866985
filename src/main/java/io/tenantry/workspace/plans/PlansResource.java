package io.tenantry.workspace.plans;

import java.net.URI;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.tenantry.api.Inputs;
import io.tenantry.api.ListParams;
import io.tenantry.api.PageJson;
import io.tenantry.tenancy.TenantData;
import jakarta.enterprise.context.ApplicationScoped;
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
 * name, createdAt), {@code order=desc} and the filters {@code product}, {@code active}, {@code name} (a part of it).
 */
@Path("plans")
@ApplicationScoped
// One transaction per call: a change and the answer that shows it are one unit.
@Transactional
@TenantData
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PlansResource {

    @Inject
    TestPlans plans;

    @Inject
    PlanViews planViews;

    @Context
    UriInfo uri;

    @GET
    public PageJson<PlanView> list() {
        return PageJson.of(planViews.plans(ListParams.of(uri)));
    }

    @GET
    @Path("{id}")
    public PlanDetail get(@PathParam("id") long id) {
        return planViews.plan(id);
    }

    @POST
    @APIResponse(responseCode = "201", description = "The plan made.", content = @Content(schema = @Schema(
            implementation = PlanDetail.class)))
    public Response create(TestPlans.Input input) {
        PlanDetail created = planViews.plan(plans.add(Inputs.require(input)).id());
        return Response.created(URI.create(uri.getAbsolutePath() + "/" + created.id())).entity(created).build();
    }

    @PUT
    @Path("{id}")
    public PlanDetail change(@PathParam("id") long id, TestPlans.Input input) {
        return planViews.plan(plans.change(id, Inputs.require(input)).id());
    }

    @DELETE
    @Path("{id}")
    @APIResponse(responseCode = "204", description = "Deleted.")
    public Response delete(@PathParam("id") long id) {
        plans.remove(id);
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/cases")
    public PlanDetail addCases(@PathParam("id") long id, CaseIds input) {
        List<Long> caseIds = Inputs.require(input).caseIds();
        return planViews.plan(plans.addCases(id, caseIds == null ? List.of() : caseIds).id());
    }

    @DELETE
    @Path("{id}/cases/{caseId}")
    @APIResponse(responseCode = "204", description = "The case is no longer in the plan.")
    public Response removeCase(@PathParam("id") long id, @PathParam("caseId") long caseId) {
        plans.removeCase(id, caseId);
        return Response.noContent().build();
    }
}
