package io.tenantry.access;

import java.io.Serializable;
import java.util.List;

import io.tenantry.faces.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The tenant's authorized users: who they are, their groups (addresses for those who manage members); remove one. People join by invitation. */
@Named
@ViewScoped
public class MembersPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient Members members;

    @Inject
    transient TenantAccess access;

    private List<Member> list;

    public List<Member> getMembers() {
        if (list == null) {
            list = members.list();
        }
        return list;
    }

    public boolean isMayManage() {
        return access.permits(Permission.MEMBERS_MANAGE);
    }

    public void remove(String member) {
        members.remove(member);
        Messages.info("members.removed", member);
        list = null;
    }
}
