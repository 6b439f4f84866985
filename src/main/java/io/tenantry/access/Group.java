package io.tenantry.access;

import java.util.List;
import java.util.Set;

/** A group of the current tenant: its permissions and its members' user names. */
public record Group(long id, String name, boolean builtIn, boolean memberDefault, Set<Permission> permissions,
        List<String> members) {
}
