package io.tenantry.workspace.cases;

/** Where a test case stands: only confirmed cases go into new runs. */
public enum CaseStatus {
    PROPOSED, CONFIRMED, NEEDS_UPDATE, DISABLED
}
