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
    PRODUCT_VIEW("product.view", "view products"),
    PRODUCT_ADD("product.add", "add products"),
    PRODUCT_CHANGE("product.change", "change products"),
    PRODUCT_DELETE("product.delete", "delete products"),
    MEMBERS_MANAGE("tenant.members", "manage the tenant's authorized users"),
    INVITATIONS_MANAGE("tenant.invitations", "manage invitations"),
    GROUPS_MANAGE("tenant.groups", "manage groups and permissions"),
    SETTINGS_MANAGE("tenant.settings", "change the tenant's settings");

    private final String code;
    private final String description;

    Permission(String code, String description) {
        this.code = code;
        this.description = description;
    }

    public String code() {
        return code;
    }

    public String description() {
        return description;
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
