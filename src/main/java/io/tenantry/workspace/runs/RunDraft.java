package io.tenantry.workspace.runs;

import java.time.LocalDate;

import io.tenantry.workspace.products.Build;


/** A run's fields as checked by {@link TestRuns}. */
record RunDraft(String summary, Build build, Long managerId, Long defaultTesterId, LocalDate plannedStart,
        LocalDate plannedFinish) {

    /** The same fields with the account given as manager. */
    RunDraft managedBy(long accountId) {
        return new RunDraft(summary, build, accountId, defaultTesterId, plannedStart, plannedFinish);
    }
}
