package io.tenantry.workspace.runs;

import java.util.List;

/** A run on its own: with its executions. */
public record RunDetail(RunView run, List<ExecutionView> executions) {

    /** The run's id and the number of executions, not the executions: equal details still hash alike. */
    @Override
    public int hashCode() {
        // Yasson takes it on entering and leaving each object it writes (io.tenantry.api.PageJson#hashCode).
        return Long.hashCode(run.id()) * 31 + executions.size();
    }
}
