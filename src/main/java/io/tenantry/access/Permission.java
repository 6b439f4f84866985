package io.tenantry.access;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * What a member may do in a tenant: an action on a kind of tenant data, or a part of tenant
 * administration. Stored by {@link #code()} in each tenant's {@code group_permission}.
 */
public enum Permission {
    PRODUCT_VIEW("product.view"),
    PRODUCT_ADD("product.add"),
    PRODUCT_CHANGE("product.change"),
    PRODUCT_DELETE("product.delete"),
    PLAN_VIEW("plan.view"),
    PLAN_ADD("plan.add"),
    PLAN_CHANGE("plan.change"),
    PLAN_DELETE("plan.delete"),
    CASE_VIEW("case.view"),
    CASE_ADD("case.add"),
    CASE_CHANGE("case.change"),
    CASE_DELETE("case.delete"),
    RUN_VIEW("run.view"),
    RUN_ADD("run.add"),
    /** Also setting executions' statuses and assignees: that is how a run changes. */
    RUN_CHANGE("run.change"),
    RUN_DELETE("run.delete"),
    MEMBERS_MANAGE("tenant.members"),
    INVITATIONS_MANAGE("tenant.invitations"),
    GROUPS_MANAGE("tenant.groups"),
    SETTINGS_MANAGE("tenant.settings"),
    /** Export the whole tenant, and import such an archive into it while it is empty. */
    TENANT_EXPORT("tenant.export"),
    /** Read the tenant's audit trail: who changed what, when and from where. */
    AUDIT_VIEW("tenant.audit");

    private final String code;

    Permission(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The part of the tenant it is about: "product", "tenant" (administration)... */
    public String area() {
        return code.substring(0, code.indexOf('.'));
    }

    public boolean isView() {
        return code.endsWith(".view");
    }

    /** What anyone who may read a tenant without being a member is allowed. */
    public static Set<Permission> viewing() {
        Set<Permission> views = EnumSet.noneOf(Permission.class);
        Arrays.stream(values()).filter(Permission::isView).forEach(views::add);
        return views;
    }

    public static Optional<Permission> ofCode(String code) {
        return Arrays.stream(values()).filter(p -> p.code.equals(code)).findFirst();
    }
}
