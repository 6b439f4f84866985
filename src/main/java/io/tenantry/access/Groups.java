package io.tenantry.access;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.tenantry.accounts.NotPermittedException;
import io.tenantry.platform.BrokenRuleException;
import io.tenantry.platform.NoSuchItemException;
import io.tenantry.tenancy.Audited;
import io.tenantry.tenancy.TenantContext;
import io.tenantry.tenancy.TenantData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/** The current tenant's groups and who is in them; only authorized users can be put in a group. */
@ApplicationScoped
@Transactional
@TenantData
public class Groups {

    @PersistenceContext(unitName = "tenantry")
    EntityManager em;

    @Inject
    AccessVersions accessVersions;

    @Inject
    Members members;

    @Inject
    TenantContext context;

    @Inject
    TenantTermsDirectory tenantTerms;

    @Inject
    Event<Audited> audited;

    @Requires(Permission.GROUPS_MANAGE)
    public List<Group> list() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT g.id, g.name, g.built_in, g.member_default, "
                + "coalesce((SELECT string_agg(p.permission, ' ') FROM group_permission p WHERE p.group_id = g.id), ''), "
                + "coalesce((SELECT string_agg(a.username, ' ' ORDER BY lower(a.username)) FROM group_member m "
                + "JOIN public.account a ON a.id = m.account_id WHERE m.group_id = g.id), '') "
                + "FROM access_group g ORDER BY g.built_in DESC, lower(g.name)").getResultList();
        List<Group> groups = new ArrayList<>();
        for (Object[] row : rows) {
            Set<Permission> permissions = EnumSet.noneOf(Permission.class);
            words((String) row[4]).forEach(code -> Permission.ofCode(code).ifPresent(permissions::add));
            groups.add(new Group(((Number) row[0]).longValue(), (String) row[1], (Boolean) row[2], (Boolean) row[3],
                    permissions, words((String) row[5])));
        }
        return groups;
    }

    /** One group of the current tenant, as {@link #list()} shows it; {@link NoSuchItemException} for another id. */
    @Requires(Permission.GROUPS_MANAGE)
    public Group get(long groupId) {
        return list().stream().filter(group -> group.id() == groupId).findFirst()
                .orElseThrow(() -> new NoSuchItemException("group", groupId));
    }

    @Requires(Permission.GROUPS_MANAGE)
    public long create(String name) {
        // Access unchanged: a new group has no members (granting it permissions bumps the access version).
        String checked = requireName(name, -1);
        long id = ((Number) em.createNativeQuery("INSERT INTO access_group (name) VALUES (?) RETURNING id")
                .setParameter(1, checked).getSingleResult()).longValue();
        audited.fire(Audited.in(context.tenant(), "group.created", checked).after(Map.of("name", checked)));
        return id;
    }

    @Requires(Permission.GROUPS_MANAGE)
    public void rename(long groupId, String name) {
        // Access unchanged: a group's name decides nothing.
        requireEditable(groupId, "renamed");
        String before = nameOf(groupId);
        String checked = requireName(name, groupId);
        em.createNativeQuery("UPDATE access_group SET name = ? WHERE id = ?")
                .setParameter(1, checked).setParameter(2, groupId).executeUpdate();
        audited.fire(Audited.in(context.tenant(), "group.renamed", checked).before(Map.of("name", before))
                .after(Map.of("name", checked)));
    }

    @Requires(Permission.GROUPS_MANAGE)
    public void delete(long groupId) {
        requireEditable(groupId, "deleted");
        String name = nameOf(groupId);
        List<String> permissions = permissionsOf(groupId);
        em.createNativeQuery("DELETE FROM access_group WHERE id = ?").setParameter(1, groupId).executeUpdate();
        accessVersions.bump(context.tenant().id());
        audited.fire(Audited.in(context.tenant(), "group.deleted", name)
                .before(Map.of("name", name, "permissions", permissions)));
    }

    /** The group's permissions, all at once; Administrator always has them all. */
    @Requires(Permission.GROUPS_MANAGE)
    public void grant(long groupId, Set<Permission> permissions) {
        requireGroup(groupId);
        if (isAdministrators(groupId)) {
            throw new BrokenRuleException("group.administratorHasAll");
        }
        List<String> before = permissionsOf(groupId);
        em.createNativeQuery("DELETE FROM group_permission WHERE group_id = ?").setParameter(1, groupId)
                .executeUpdate();
        for (Permission permission : permissions) {
            em.createNativeQuery("INSERT INTO group_permission (group_id, permission) VALUES (?, ?)")
                    .setParameter(1, groupId).setParameter(2, permission.code()).executeUpdate();
        }
        List<String> after = permissionsOf(groupId);
        if (!before.equals(after)) {
            accessVersions.bump(context.tenant().id());
            audited.fire(Audited.in(context.tenant(), "group.permissions", nameOf(groupId))
                    .before(Map.of("permissions", before)).after(Map.of("permissions", after)));
        }
    }

    /** Whether authorizing a user puts them in this group; by default only Tester is so marked. */
    @Requires(Permission.GROUPS_MANAGE)
    public void markDefault(long groupId, boolean memberDefault) {
        // Access unchanged: it decides only which groups members who join later are put in (joining bumps it).
        requireGroup(groupId);
        int changed = em.createNativeQuery("UPDATE access_group SET member_default = ? WHERE id = ? "
                        + "AND member_default <> ?")
                .setParameter(1, memberDefault).setParameter(2, groupId).setParameter(3, memberDefault).executeUpdate();
        if (changed == 1) {
            audited.fire(Audited.in(context.tenant(), "group.default", nameOf(groupId))
                    .before(Map.of("memberDefault", !memberDefault)).after(Map.of("memberDefault", memberDefault)));
        }
    }

    @Requires(Permission.GROUPS_MANAGE)
    public void addMember(long groupId, String username) {
        requireGroup(groupId);
        long accountId = members.requireAuthorized(username);
        int added = em.createNativeQuery("INSERT INTO group_member (group_id, account_id) VALUES (?, ?) "
                        + "ON CONFLICT DO NOTHING").setParameter(1, groupId).setParameter(2, accountId).executeUpdate();
        if (added == 1) {
            accessVersions.bump(context.tenant().id());
            audited.fire(Audited.in(context.tenant(), "group.member-added", nameOf(groupId))
                    .after(Map.of("member", username.strip())));
        }
    }

    @Requires(Permission.GROUPS_MANAGE)
    public void removeMember(long groupId, String username) {
        requireGroup(groupId);
        long accountId = members.requireAuthorized(username);
        if (tenantTerms.of(context.tenant()).isOwnedBy(accountId) && isAdministrators(groupId)) {
            throw new NotPermittedException("owner.alwaysAdministrator", context.tenant().name());
        }
        int removed = em.createNativeQuery("DELETE FROM group_member WHERE group_id = ? AND account_id = ?")
                .setParameter(1, groupId).setParameter(2, accountId).executeUpdate();
        if (removed == 1) {
            accessVersions.bump(context.tenant().id());
            audited.fire(Audited.in(context.tenant(), "group.member-removed", nameOf(groupId))
                    .before(Map.of("member", username.strip())));
        }
    }

    private String nameOf(long groupId) {
        return (String) em.createNativeQuery("SELECT name FROM access_group WHERE id = ?").setParameter(1, groupId)
                .getSingleResult();
    }

    @SuppressWarnings("unchecked")
    private List<String> permissionsOf(long groupId) {
        return em.createNativeQuery("SELECT permission FROM group_permission WHERE group_id = ? ORDER BY permission")
                .setParameter(1, groupId).getResultList();
    }

    private void requireEditable(long groupId, String change) {
        requireGroup(groupId);
        if (!em.createNativeQuery("SELECT 1 FROM access_group WHERE id = ? AND built_in").setParameter(1, groupId)
                .getResultList().isEmpty()) {
            throw new BrokenRuleException("group.builtIn." + change);
        }
    }

    private String requireName(String name, long except) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > 60) {
            throw new BrokenRuleException("group.nameLength", 60);
        }
        if (!em.createNativeQuery("SELECT 1 FROM access_group WHERE lower(name) = lower(?) AND id <> ?")
                .setParameter(1, trimmed).setParameter(2, except).getResultList().isEmpty()) {
            throw new BrokenRuleException("group.nameTaken", trimmed);
        }
        return trimmed;
    }

    private boolean isAdministrators(long groupId) {
        return !em.createNativeQuery("SELECT 1 FROM access_group WHERE id = ? AND built_in AND name = 'Administrator'")
                .setParameter(1, groupId).getResultList().isEmpty();
    }

    private void requireGroup(long groupId) {
        if (em.createNativeQuery("SELECT 1 FROM access_group WHERE id = ?").setParameter(1, groupId).getResultList()
                .isEmpty()) {
            throw new NoSuchItemException("group", groupId);
        }
    }

    private static List<String> words(String joined) {
        return joined.isEmpty() ? List.of() : Arrays.asList(joined.split(" "));
    }
}
