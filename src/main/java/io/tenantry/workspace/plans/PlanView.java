package io.tenantry.workspace.plans;

import java.time.OffsetDateTime;
import java.util.Map;

/** A plan in lists: no document. */
public record PlanView(long id, long productId, Long versionId, String name, boolean active, String author,
        OffsetDateTime createdAt) {
    public static PlanView of(TestPlan plan, Map<Long, String> names) {
        return new PlanView(plan.id(), plan.product().id(), plan.version() == null ? null : plan.version().id(),
                plan.name(), plan.active(), names.get(plan.authorId()), plan.createdAt());
    }
}
