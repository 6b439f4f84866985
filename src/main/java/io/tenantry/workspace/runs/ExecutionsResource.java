package io.tenantry.workspace.runs;

import io.tenantry.api.ListParams;
import io.tenantry.api.PageJson;
import io.tenantry.tenancy.TenantData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

/**
 * Executions across runs (one run's are also under /api/runs/{id}). Lists take {@code offset},
 * {@code limit}, {@code sort} (id, status, startedAt, finishedAt), {@code order=desc} and the filters
 * {@code run}, {@code case}, {@code status}, {@code assignee} (a user name).
 */
@Path("executions")
@ApplicationScoped
@Transactional
@TenantData
@Produces(MediaType.APPLICATION_JSON)
public class ExecutionsResource {

    @Inject
    RunViews runViews;

    @Context
    UriInfo uri;

    @GET
    public PageJson<ExecutionView> list() {
        return PageJson.of(runViews.executions(ListParams.of(uri)));
    }
}
