package io.tenantry.workspace.plans;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import io.tenantry.workspace.cases.TestCase;


/** A plan on its own: with its document and its cases' ids. */
public record PlanDetail(long id, long productId, Long versionId, String name, boolean active, String author,
        OffsetDateTime createdAt, String document, OffsetDateTime documentUpdatedAt, List<Long> caseIds) {
    public static PlanDetail of(TestPlan plan, Map<Long, String> names) {
        return new PlanDetail(plan.id(), plan.product().id(),
                plan.version() == null ? null : plan.version().id(), plan.name(), plan.active(),
                names.get(plan.authorId()), plan.createdAt(), plan.document().text(), plan.document().updatedAt(),
                plan.cases().stream().map(TestCase::id).sorted().toList());
    }
}
