package io.tenantry.workspace;

import java.time.LocalDate;

/** A run's fields as checked by {@link TestRuns}. */
record RunDraft(String summary, Build build, Long managerId, Long defaultTesterId, LocalDate plannedStart,
        LocalDate plannedFinish) {
}
