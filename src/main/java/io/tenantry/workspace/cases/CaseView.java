package io.tenantry.workspace.cases;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** A test case as the API and the pages show it; its author and default tester by user name. */
public record CaseView(long id, long productId, String summary, String preconditions, String steps,
        String expectedResults, int priority, String status, String category, boolean automated, String author,
        String defaultTester, List<String> tags, OffsetDateTime createdAt, OffsetDateTime updatedAt,
        int rowVersion) {
    public static CaseView of(TestCase c, Map<Long, String> names) {
        return new CaseView(c.id(), c.product().id(), c.summary(), c.preconditions(), c.steps(),
                c.expectedResults(), c.priority(), c.status().name(), c.category(), c.automated(),
                names.get(c.authorId()), names.get(c.defaultTesterId()), List.copyOf(c.tags()), c.createdAt(),
                c.updatedAt(), c.rowVersion());
    }
}
