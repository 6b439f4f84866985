package io.tenantry.workspace.cases;

import java.util.Set;

/** A case's fields as checked by {@link TestCases}, ready to be written. */
record CaseDraft(String summary, String preconditions, String steps, String expectedResults, int priority,
        CaseStatus status, String category, boolean automated, Long defaultTesterId, Set<String> tags) {
}
