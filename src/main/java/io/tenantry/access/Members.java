package io.tenantry.access;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.tenantry.accounts.NotPermittedException;
import io.tenantry.tenancy.Audited;
import io.tenantry.tenancy.TenantContext;
import io.tenantry.tenancy.TenantData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * The current tenant's authorized users. People join only by accepting an invitation
 * ({@link Invitations}, {@link InvitationAcceptance}), never by being named: adding by user name
 * would tell which names exist and bring people in without their consent. Removing takes a member
 * out of every group here; the owner cannot be removed. Nothing here lists accounts that are not
 * members: pickers and forms look users up through {@link #requireAuthorized}. Members' e-mail
 * addresses are shown only to those who manage members.
 */
@ApplicationScoped
@Transactional
@TenantData
public class Members {

    @PersistenceContext(unitName = "tenantry")
    EntityManager em;

    @Inject
    AccessVersions accessVersions;

    @Inject
    TenantContext context;

    @Inject
    TenantAccess access;

    @Inject
    TenantTermsDirectory tenantTerms;

    @Inject
    Event<Audited> audited;

    /** The members, by user name; their addresses only for a caller with MEMBERS_MANAGE (null for others). */
    public List<Member> list() {
        access.requireMember();
        boolean showAddresses = access.permits(Permission.MEMBERS_MANAGE);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT a.username, a.display_name, a.email, m.since, "
                        + "coalesce(string_agg(g.name, E'\\n' ORDER BY g.name), ''), a.id FROM public.tenant_member m "
                        + "JOIN public.account a ON a.id = m.account_id LEFT JOIN group_member gm ON gm.account_id = a.id "
                        + "LEFT JOIN access_group g ON g.id = gm.group_id WHERE m.tenant_id = ? "
                        + "GROUP BY a.id, a.username, a.display_name, a.email, m.since ORDER BY lower(a.username)")
                .setParameter(1, context.tenant().id()).getResultList();
        long owner = tenantTerms.of(context.tenant()).ownerId().orElse(-1L);
        return rows.stream().map(row -> {
            String username = (String) row[0];
            String groups = (String) row[4];
            return new Member(username, ((String) row[1]).isBlank() ? username : (String) row[1],
                    showAddresses ? (String) row[2] : null,
                    ((Number) row[5]).longValue() == owner, timeOf(row[3]),
                    groups.isEmpty() ? List.of() : Arrays.asList(groups.split("\n")));
        }).toList();
    }

    @Requires(Permission.MEMBERS_MANAGE)
    public void remove(String username) {
        long accountId = requireAuthorized(username);
        if (tenantTerms.of(context.tenant()).isOwnedBy(accountId)) {
            throw new NotPermittedException("owner.notRemovable", context.tenant().name());
        }
        dismiss(accountId);
        audited.fire(Audited.in(context.tenant(), "member.removed", username.strip()).before(Map.of("member", true))
                .after(Map.of("member", false)));
    }

    /** Takes the account out of this tenant and every group here. */
    private void dismiss(long accountId) {
        em.createNativeQuery("DELETE FROM group_member WHERE account_id = ?").setParameter(1, accountId).executeUpdate();
        em.createNativeQuery("DELETE FROM public.tenant_member WHERE tenant_id = ? AND account_id = ?")
                .setParameter(1, context.tenant().id()).setParameter(2, accountId).executeUpdate();
        accessVersions.bump(context.tenant().id());
    }

    /** The account id of a user authorized on this tenant; anyone else is refused as unknown here. */
    public long requireAuthorized(String username) {
        return requireAuthorized("username", username);
    }

    /** The same, for a person given in another field of the input (an assignee, a default tester...). */
    public long requireAuthorized(String field, String username) {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("SELECT a.id FROM public.account a JOIN public.tenant_member m "
                        + "ON m.account_id = a.id AND m.tenant_id = ? WHERE lower(a.username) = lower(?) AND a.active")
                .setParameter(1, context.tenant().id()).setParameter(2, username == null ? "" : username.strip())
                .getResultList();
        if (ids.isEmpty()) {
            throw new NotAMemberException(field, username, context.tenant().name());
        }
        return ids.get(0).longValue();
    }

    static OffsetDateTime timeOf(Object value) {
        if (value instanceof OffsetDateTime time) {
            return time;
        }
        return ((Timestamp) value).toInstant().atOffset(ZoneOffset.UTC);
    }
}
