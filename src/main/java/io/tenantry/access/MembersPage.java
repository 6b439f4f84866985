package io.tenantry.access;

import java.io.Serializable;
import java.util.List;

import io.tenantry.accounts.UnknownAccountException;
import io.tenantry.web.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The tenant's authorized users: who they are, their groups; add an existing user, remove one. */
@Named
@ViewScoped
public class MembersPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient Members members;

    @Inject
    transient TenantAccess access;

    private List<Member> list;
    private String username;

    public List<Member> getMembers() {
        if (list == null) {
            list = members.list();
        }
        return list;
    }

    public boolean isMayManage() {
        return access.permits(Permission.MEMBERS_MANAGE);
    }

    public void add() {
        try {
            members.authorize(username);
            Messages.info("members.added", username.strip());
            username = null;
            list = null;
        } catch (UnknownAccountException e) {
            Messages.failure(e);
        }
    }

    public void remove(String member) {
        members.remove(member);
        Messages.info("members.removed", member);
        list = null;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }
}
