package io.tenantry.workspace;

import io.tenantry.access.Permission;

/**
 * What comments and attachments can be about. Reading them needs the subject's view permission,
 * adding them its change permission (executions belong to runs).
 */
public enum Subject {
    CASE(TestCase.class, Permission.CASE_VIEW, Permission.CASE_CHANGE),
    RUN(TestRun.class, Permission.RUN_VIEW, Permission.RUN_CHANGE),
    EXECUTION(TestExecution.class, Permission.RUN_VIEW, Permission.RUN_CHANGE);

    private final Class<?> entity;
    private final Permission view;
    private final Permission change;

    Subject(Class<?> entity, Permission view, Permission change) {
        this.entity = entity;
        this.view = view;
        this.change = change;
    }

    Class<?> entity() {
        return entity;
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
