package io.tenantry.workspace.runs;

/** The outcome of one case in one run. */
public enum ExecutionStatus {
    IDLE, RUNNING, PASSED, FAILED, BLOCKED, WAIVED;

    /** Whether the execution is over (it then has a finish time). */
    public boolean isFinal() {
        return this != IDLE && this != RUNNING;
    }
}
