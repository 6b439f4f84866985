package io.tenantry.workspace.cases;

import java.time.OffsetDateTime;
import java.util.Map;

/** One entry of a test case's history: which field changed, from what to what, by whom (user name) and when. */
public record ChangeView(String field, String oldValue, String newValue, String by, OffsetDateTime at) {
    public static ChangeView of(CaseChange change, Map<Long, String> names) {
        return new ChangeView(change.field(), change.oldValue(), change.newValue(),
                names.get(change.accountId()), change.changedAt());
    }
}
