package io.tenantry.access;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.tenantry.faces.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Groups: create, rename, delete (not built-ins), permissions by area with select-all, members. */
@Named
@ViewScoped
public class GroupsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient Groups groups;

    @Inject
    transient Members members;

    private List<Form> forms;
    private String newName;

    /** One group as the page edits it. */
    public static class Form implements Serializable {

        private static final long serialVersionUID = 1L;

        private final long id;
        private final boolean builtIn;
        private final List<String> members;
        private String name;
        private boolean memberDefault;
        private List<String> permissions;
        private String newMember;

        Form(Group group) {
            id = group.id();
            builtIn = group.builtIn();
            members = group.members();
            name = group.name();
            memberDefault = group.memberDefault();
            permissions = group.permissions().stream().map(Permission::code).collect(Collectors.toList());
        }

        public long getId() {
            return id;
        }

        public boolean isBuiltIn() {
            return builtIn;
        }

        /** Administrator always has every permission; its boxes are shown, not edited. */
        public boolean isAdministrators() {
            return builtIn && "Administrator".equals(name);
        }

        public List<String> getMembers() {
            return members;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public boolean isMemberDefault() {
            return memberDefault;
        }

        public void setMemberDefault(boolean memberDefault) {
            this.memberDefault = memberDefault;
        }

        public List<String> getPermissions() {
            return permissions;
        }

        public void setPermissions(List<String> permissions) {
            this.permissions = permissions;
        }

        public String getNewMember() {
            return newMember;
        }

        public void setNewMember(String newMember) {
            this.newMember = newMember;
        }
    }

    public List<Form> getForms() {
        if (forms == null) {
            forms = groups.list().stream().map(Form::new).collect(Collectors.toList());
        }
        return forms;
    }

    /** Permission codes by area, in the order of the enum, for the check boxes. */
    public Map<String, List<String>> getAreas() {
        Map<String, List<String>> areas = new LinkedHashMap<>();
        for (Permission permission : Permission.values()) {
            areas.computeIfAbsent(permission.area(), a -> new ArrayList<>()).add(permission.code());
        }
        return areas;
    }

    public List<String> getAreaNames() {
        return new ArrayList<>(getAreas().keySet());
    }

    public void selectAll(Form form, String area) {
        List<String> chosen = new ArrayList<>(form.permissions);
        getAreas().get(area).stream().filter(code -> !chosen.contains(code)).forEach(chosen::add);
        form.permissions = chosen;
    }

    public void save(Form form) {
        try {
            if (!form.builtIn) {
                groups.rename(form.id, form.name);
            }
            if (!form.isAdministrators()) {
                Set<Permission> granted = EnumSet.noneOf(Permission.class);
                form.permissions.forEach(code -> Permission.ofCode(code).ifPresent(granted::add));
                groups.grant(form.id, granted);
            }
            groups.markDefault(form.id, form.memberDefault);
            Messages.info("groups.saved", form.name);
        } catch (IllegalArgumentException e) {
            Messages.failure(e);
        }
        forms = null;
    }

    public void create() {
        try {
            groups.create(newName);
            Messages.info("groups.created", newName.strip());
            newName = null;
            forms = null;
        } catch (IllegalArgumentException e) {
            Messages.failure(e);
        }
    }

    public void delete(Form form) {
        try {
            groups.delete(form.id);
            Messages.info("groups.deleted", form.name);
            forms = null;
        } catch (IllegalArgumentException e) {
            Messages.failure(e);
        }
    }

    public void addMember(Form form) {
        try {
            groups.addMember(form.id, form.newMember);
            forms = null;
        } catch (IllegalArgumentException e) {
            Messages.failure(e);
        }
    }

    public void removeMember(Form form, String username) {
        try {
            groups.removeMember(form.id, username);
            forms = null;
        } catch (RuntimeException e) {
            Messages.failure(e);
        }
    }

    /** Authorized users whose name starts with what was typed: the only people a group can take. */
    public List<String> completeMember(String typed) {
        String prefix = typed == null ? "" : typed.toLowerCase(Locale.ROOT);
        return members.list().stream().map(Member::username)
                .filter(name -> name.toLowerCase(Locale.ROOT).startsWith(prefix)).limit(10).toList();
    }

    public String getNewName() {
        return newName;
    }

    public void setNewName(String newName) {
        this.newName = newName;
    }
}
