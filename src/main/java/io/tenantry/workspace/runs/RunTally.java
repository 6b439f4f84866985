package io.tenantry.workspace.runs;

import java.time.OffsetDateTime;
import java.util.Map;

/** A run's executions counted by status: what the dashboard draws. */
public record RunTally(long runId, String summary, OffsetDateTime createdAt, Map<ExecutionStatus, Long> counts) {

    public long total() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Passed among those that ended (waived ones left out), in percent; 0 when none ended. */
    public double passRate() {
        long passed = counts.getOrDefault(ExecutionStatus.PASSED, 0L);
        long judged = passed + counts.getOrDefault(ExecutionStatus.FAILED, 0L)
                + counts.getOrDefault(ExecutionStatus.BLOCKED, 0L);
        return judged == 0 ? 0 : Math.round(1000.0 * passed / judged) / 10.0;
    }
}
