package io.tenantry.workspace.notes;

import io.tenantry.access.Permission;

/**
 * What comments and attachments can be about. Reading them needs the subject's view permission,
 * adding them its change permission (executions belong to runs).
 */
public enum Subject {
    CASE("test_case", Permission.CASE_VIEW, Permission.CASE_CHANGE),
    RUN("test_run", Permission.RUN_VIEW, Permission.RUN_CHANGE),
    EXECUTION("test_execution", Permission.RUN_VIEW, Permission.RUN_CHANGE);

    private final String table;
    private final Permission view;
    private final Permission change;

    Subject(String table, Permission view, Permission change) {
        this.table = table;
        this.view = view;
        this.change = change;
    }

    /**
     * The table of the subject's kind. By name, not by entity class: comments and attachments hang on
     * cases and runs without depending on their packages.
     */
    String table() {
        return table;
    }

    Permission view() {
        return view;
    }

    Permission change() {
        return change;
    }

    /** The kind of item in "there is no … with id …". */
    String kind() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
