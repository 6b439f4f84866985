package io.tenantry.archive;

import java.util.List;

/**
 * A tenant table as archived: its rows in key order, and which of its columns name accounts
 * (carried by e-mail address, since account ids belong to one deployment).
 */
record ArchivedTable(String name, String order, boolean identity, List<String> accountColumns) {

    /** Every table of a tenant's data, parents before children, so that rows can be inserted in this order. */
    static final List<ArchivedTable> ALL = List.of(
            new ArchivedTable("product", "id", true, List.of()),
            new ArchivedTable("product_version", "id", true, List.of()),
            new ArchivedTable("build", "id", true, List.of()),
            new ArchivedTable("test_plan", "id", true, List.of("author_id")),
            new ArchivedTable("plan_document", "plan_id", false, List.of("updated_by")),
            new ArchivedTable("test_case", "id", true, List.of("author_id", "default_tester_id")),
            new ArchivedTable("case_tag", "case_id, tag", false, List.of()),
            new ArchivedTable("plan_case", "plan_id, case_id", false, List.of()),
            new ArchivedTable("case_change", "id", true, List.of("account_id")),
            new ArchivedTable("test_run", "id", true, List.of("manager_id", "default_tester_id")),
            new ArchivedTable("test_execution", "id", true, List.of("assignee_id")),
            new ArchivedTable("comment", "id", true, List.of("author_id")),
            new ArchivedTable("attachment", "id", true, List.of("uploaded_by")),
            new ArchivedTable("access_group", "id", true, List.of()),
            new ArchivedTable("group_permission", "group_id, permission", false, List.of()),
            new ArchivedTable("group_member", "group_id, account_id", false, List.of("account_id")));

    String entry() {
        return "tables/" + name + ".jsonl";
    }
}
