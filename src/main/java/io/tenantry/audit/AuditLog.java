package io.tenantry.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import io.tenantry.access.ListedMembers;
import io.tenantry.access.Permission;
import io.tenantry.access.Requires;
import io.tenantry.accounts.Accounts;
import io.tenantry.accounts.CurrentCaller;
import io.tenantry.platform.ListQuery;
import io.tenantry.platform.ResultPage;
import io.tenantry.tenancy.MasterTenant;
import io.tenantry.tenancy.Tenant;
import io.tenantry.tenancy.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

/**
 * Reads the trail, never writes it: the current tenant's (its owner and Administrators, by
 * {@link Permission#AUDIT_VIEW}; only entries of this tenant, by id, so a deleted namesake's never
 * show; each numbered in the tenant's own count, {@link AuditEntry#number()}; the client's address only of entries made by a member of it, see {@link #ofTenant}) and the platform's (every entry, for super-users acting account-wide on the master tenant;
 * elsewhere 404). Lists are oldest first, {@code descending} newest first.
 */
@ApplicationScoped
@Transactional
public class AuditLog {

    /** Rows an export reads at a time. */
    static final int EXPORT_WINDOW = ListQuery.MAX_LIMIT;

    // The second column is the number shown: the tenant's own in its trail, the id in the platform's.
    private static final String COLUMNS = "id, %s, at, tenant_label, actor, action, subject, client_address, host, "
            + "CAST(before AS text), CAST(after AS text)";

    private static final String IN_TENANTS_TRAIL = "number";
    private static final String IN_PLATFORMS_TRAIL = "id";
    private static final String OLDEST_FIRST = " ORDER BY id";
    private static final String NEWEST_FIRST = " ORDER BY id DESC";

    @PersistenceContext(unitName = "tenantry")
    EntityManager em;

    @Inject
    TenantContext context;

    @Inject
    CurrentCaller caller;

    @Inject
    MasterTenant master;

    @Inject
    Accounts accounts;

    @Inject
    ListedMembers listed;

    /**
     * A window of the current tenant's trail. An entry made by someone who is not a member of the
     * tenant now (a super-user changing its terms or creating it, an operator reading it, a member
     * since gone) shows who, but not from which address: that is the platform's to know, not the
     * tenant's Administrators'.
     */
    @Requires(Permission.AUDIT_VIEW)
    public ResultPage<AuditEntry> ofTenant(AuditFilter filter, ListQuery window) {
        return read(OptionalLong.of(context.tenant().id()), filter, window).map(membersAddressesOnly());
    }

    /** A window of the platform's trail; {@link io.tenantry.tenancy.NotOnMasterTenantException} (404) elsewhere, 403 to others. */
    public ResultPage<AuditEntry> ofPlatform(AuditFilter filter, ListQuery window) {
        requirePlatformReader();
        return read(OptionalLong.empty(), filter, window);
    }

    /** Refuses, before an export begins, whoever may not read the current tenant's trail. */
    @Requires(Permission.AUDIT_VIEW)
    public void requireTenantReader() {
        context.tenant();
    }

    /** Refuses whoever may not read the platform's trail: not a super-user (403), not on the master tenant (404). */
    public void requirePlatformReader() {
        master.requireCurrent();
        caller.requireSuperUser();
    }

    /** The tenant's entries after {@code afterId}, oldest first, at most {@link #EXPORT_WINDOW}: an export's next rows. */
    @Requires(Permission.AUDIT_VIEW)
    public List<AuditEntry> tenantRowsAfter(long afterId, AuditFilter filter) {
        return rowsAfter(OptionalLong.of(context.tenant().id()), afterId, filter).stream().map(membersAddressesOnly())
                .toList();
    }

    /** The platform's entries after {@code afterId}, as {@link #tenantRowsAfter}. */
    public List<AuditEntry> platformRowsAfter(long afterId, AuditFilter filter) {
        requirePlatformReader();
        return rowsAfter(OptionalLong.empty(), afterId, filter);
    }

    /** Every entry the filter takes, a window at a time (bounded memory), oldest first. */
    public static void forEach(AuditFilter filter, Rows rows, Consumer<AuditEntry> each) {
        long after = 0;
        List<AuditEntry> window;
        do {
            window = rows.after(after, filter);
            window.forEach(each);
            after = window.isEmpty() ? after : window.get(window.size() - 1).id();
        } while (window.size() == EXPORT_WINDOW);
    }

    /** Where an export's rows come from: the tenant's trail or the platform's. */
    @FunctionalInterface
    public interface Rows {
        List<AuditEntry> after(long afterId, AuditFilter filter);
    }

    /** Keeps the address of entries whose actor is a member of the current tenant; asks once per actor. */
    private UnaryOperator<AuditEntry> membersAddressesOnly() {
        Tenant tenant = context.tenant();
        Map<String, Boolean> members = new HashMap<>();
        return entry -> members.computeIfAbsent(entry.actor(), actor -> accounts.find(actor)
                .map(account -> listed.lists(tenant, account.id())).orElse(false))
                        ? entry : entry.withoutAddress();
    }

    private ResultPage<AuditEntry> read(OptionalLong tenant, AuditFilter filter, ListQuery window) {
        StringBuilder where = new StringBuilder();
        List<Object> parameters = new ArrayList<>();
        conditions(tenant, filter, where, parameters);
        Query select = em.createNativeQuery("SELECT " + columns(tenant) + " FROM public.audit_entry WHERE " + where
                + (window.descending() ? NEWEST_FIRST : OLDEST_FIRST) + " OFFSET ? LIMIT ?");
        int next = bind(select, parameters);
        select.setParameter(next, window.offset()).setParameter(next + 1, window.limit());
        List<AuditEntry> items = entries(select);
        return ResultPage.of(items, window.offset(), window.limit(), () -> {
            Query count = em.createNativeQuery("SELECT count(*) FROM public.audit_entry WHERE " + where);
            bind(count, parameters);
            return ((Number) count.getSingleResult()).longValue();
        });
    }

    private List<AuditEntry> rowsAfter(OptionalLong tenant, long afterId, AuditFilter filter) {
        StringBuilder where = new StringBuilder("id > ? AND ");
        List<Object> parameters = new ArrayList<>(List.of(afterId));
        conditions(tenant, filter, where, parameters);
        Query select = em.createNativeQuery("SELECT " + columns(tenant) + " FROM public.audit_entry WHERE " + where
                + " ORDER BY id LIMIT " + EXPORT_WINDOW);
        bind(select, parameters);
        return entries(select);
    }

    private static String columns(OptionalLong tenant) {
        return COLUMNS.formatted(tenant.isPresent() ? IN_TENANTS_TRAIL : IN_PLATFORMS_TRAIL);
    }

    private static void conditions(OptionalLong tenant, AuditFilter filter, StringBuilder where, List<Object> parameters) {
        // In seconds since the epoch: a timestamp parameter would be read in the session's time zone.
        where.append("at >= to_timestamp(?) AND at < to_timestamp(?)");
        parameters.add(filter.fromInstant().getEpochSecond());
        parameters.add(filter.toInstant().getEpochSecond());
        tenant.ifPresent(id -> {
            where.append(" AND tenant_id = ?");
            parameters.add(id);
        });
        filter.action().ifPresent(action -> {
            where.append(" AND (action = ? OR starts_with(action, ?))");
            parameters.add(action);
            parameters.add(action + ".");
        });
        filter.actor().ifPresent(actor -> {
            where.append(" AND actor = ?");
            parameters.add(actor);
        });
        filter.tenant().ifPresent(label -> {
            where.append(" AND tenant_label = ?");
            parameters.add(label);
        });
    }

    private static int bind(Query query, List<Object> parameters) {
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        return parameters.size() + 1;
    }

    @SuppressWarnings("unchecked")
    private static List<AuditEntry> entries(Query select) {
        return ((List<Object[]>) select.getResultList()).stream().map(row -> new AuditEntry(
                ((Number) row[0]).longValue(), ((Number) row[1]).longValue(), instant(row[2]), (String) row[3],
                (String) row[4], (String) row[5], (String) row[6], (String) row[7], (String) row[8], (String) row[9],
                (String) row[10])).toList();
    }

    private static Instant instant(Object value) {
        return value instanceof OffsetDateTime time ? time.toInstant() : ((Timestamp) value).toInstant();
    }
}
