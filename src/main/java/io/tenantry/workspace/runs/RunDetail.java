package io.tenantry.workspace.runs;

import java.util.List;

/** A run on its own: with its executions. */
public record RunDetail(RunView run, List<ExecutionView> executions) {
}
