package io.tenantry.workspace.plans;

import java.util.List;

/** The cases a client adds to or removes from a test plan, by id. */
public record CaseIds(List<Long> caseIds) {
}
