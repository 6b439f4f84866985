package io.tenantry.admin;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.tenantry.access.Subscription;
import io.tenantry.access.TenantTerms;
import io.tenantry.access.Renewals;
import io.tenantry.access.SubscriptionPlans;
import io.tenantry.access.TenantTermsDirectory;
import io.tenantry.access.TenantTermsSql;
import io.tenantry.accounts.CurrentCaller;
import io.tenantry.migration.SchemaMigrations;
import io.tenantry.migration.TenantUpgrade;
import io.tenantry.tenancy.UpgradeState;
import io.tenantry.platform.BrokenRuleException;
import io.tenantry.platform.LikePattern;
import io.tenantry.provisioning.TenantProvisioning;
import io.tenantry.provisioning.UnknownTenantException;
import io.tenantry.tenancy.Tenant;
import io.tenantry.tenancy.TenantDirectory;
import io.tenantry.tenancy.TenantLabel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * Every tenant, for the platform's operators on the master tenant: a page at a time, sorted and
 * filtered in the database, with owner, member count, size on disk and where its upgrade stands.
 */
@ApplicationScoped
@MasterOnly
public class TenantCatalog {

    /** Where a tenant's subscription stands, in SQL: access's rule ({@link TenantTermsSql#subscription}). */
    private static final String SUBSCRIPTION = TenantTermsSql.subscription("t");
    private static final String PAID_UNTIL = TenantTermsSql.paidUntil("t");
    private static final String PLAN = TenantTermsSql.planName("t");
    /** The tenants with their terms (access's) and owners. */
    private static final String TENANTS = "public.tenant t " + TenantTermsSql.join("t")
            + " LEFT JOIN public.account a ON a.id = " + TenantTermsSql.ownerId("t");

    /** Sortable columns, by the names the table uses; nothing else reaches the SQL. */
    private static final Map<String, String> SORTS = Map.of("label", "t.label", "owner", "lower(a.username)",
            "createdAt", "t.created_at", "paidUntil", PAID_UNTIL, "members", "members",
            "invitations", "invitations", "sizeBytes", "size_bytes", "subscription", SUBSCRIPTION, "plan", PLAN);

    @PersistenceContext(unitName = "tenantry")
    EntityManager em;

    @Inject
    CurrentCaller caller;

    @Inject
    TenantProvisioning provisioning;

    @Inject
    TenantDirectory directory;

    @Inject
    SchemaMigrations migrations;

    @Inject
    TenantUpgrade upgrade;

    @Inject
    TenantTermsDirectory tenantTerms;

    @Inject
    SubscriptionPlans plans;

    @Inject
    Renewals renewals;

    /**
     * One row of the table: {@code members} are the people who joined (the owner included),
     * {@code invitations} those invited who have not accepted yet (unexpired invitations), {@code plan}
     * the subscription plan's name.
     */
    public record Row(String label, String name, String owner, OffsetDateTime createdAt, OffsetDateTime paidUntil,
            Subscription subscription, String plan, long members, long invitations, long sizeBytes,
            UpgradeState upgrade) {

        /** When a failed upgrade is tried again; null when none is due. */
        public Instant nextUpgradeAttempt() {
            return upgrade.nextAttempt().orElse(null);
        }
    }

    /**
     * A page of the tenants whose label, name or owner contains {@code filter} (empty: all) and whose
     * subscription is {@code subscription} (empty: any), sorted by a column's name (unknown: the label).
     */
    @Transactional
    public List<Row> page(int first, int size, String sortBy, boolean ascending, String filter,
            Optional<Subscription> subscription) {
        caller.requireSuperUser();
        String order = SORTS.getOrDefault(sortBy, "t.label") + (ascending ? " ASC" : " DESC") + " NULLS LAST, t.label";
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT t.label, t.name, a.username, t.created_at, " + PAID_UNTIL + ", "
                        + SUBSCRIPTION + ", "
                        + "(SELECT count(*) FROM public.tenant_member m WHERE m.tenant_id = t.id) AS members, "
                        + TenantTermsSql.invitationsHoldingAPlace("t") + " AS invitations, "
                        + "(SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0) FROM pg_class c "
                        + "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = t.schema_name "
                        + "AND c.relkind = 'r') AS size_bytes, "
                        + "t.schema_version, u.state, u.reason, u.attempts, u.next_attempt_at, " + PLAN + " "
                        + "FROM " + TENANTS + " LEFT JOIN public.tenant_upgrade u ON u.tenant_id = t.id " + where()
                        + " ORDER BY " + order + " LIMIT ?2 OFFSET ?3")
                .setParameter(1, pattern(filter)).setParameter(2, size).setParameter(3, first)
                .setParameter(4, subscription.map(Subscription::id).orElse("")).getResultList();
        String codeVersion = migrations.tenantVersion();
        return rows.stream().map(row -> new Row((String) row[0], (String) row[1], (String) row[2],
                utc(row[3]), utc(row[4]), Subscription.valueOf(((String) row[5]).toUpperCase(Locale.ROOT)),
                (String) row[14], ((Number) row[6]).longValue(), ((Number) row[7]).longValue(), ((Number) row[8]).longValue(),
                UpgradeState.of(codeVersion.equals(row[9]), Optional.ofNullable((String) row[10]).map(state ->
                        new UpgradeState(UpgradeState.Phase.of(state), (String) row[11], ((Number) row[12]).intValue(),
                                Optional.ofNullable(utc(row[13])).map(OffsetDateTime::toInstant))))))
                .toList();
    }

    /** How many tenants {@link #page} would show in all, with the same filters. */
    @Transactional
    public int count(String filter, Optional<Subscription> subscription) {
        caller.requireSuperUser();
        return ((Number) em.createNativeQuery("SELECT count(*) FROM " + TENANTS + " " + where()).setParameter(1, pattern(filter))
                .setParameter(4, subscription.map(Subscription::id).orElse("")).getSingleResult()).intValue();
    }

    /**
     * Sets the tenant's paid-until instant, or clears it when {@code paidUntil} is null; the same
     * instant again changes nothing. Refuses a caller who is not a super-user, an unknown label.
     */
    public void changePaidUntil(String label, Instant paidUntil) {
        caller.requireSuperUser();
        Tenant tenant = find(label);
        Optional<Instant> until = Optional.ofNullable(paidUntil);
        TenantTerms terms = tenantTerms.of(tenant);
        if (!until.equals(terms.paidUntil())) {
            tenantTerms.change(tenant, terms, tenant.name(), terms.withPaidUntil(until));
        }
    }

    /** The name of the tenant's plan; refuses a caller who is not a super-user, an unknown label. */
    public String planOf(String label) {
        caller.requireSuperUser();
        return plans.of(tenantTerms.of(find(label))).name();
    }

    /**
     * Moves the tenant to the plan named {@code planName} (access's rules: a lower limit deletes
     * nothing); refuses a caller who is not a super-user, an unknown label or plan.
     */
    public void changePlan(String label, String planName) {
        caller.requireSuperUser();
        Tenant tenant = find(label);
        TenantTerms terms = tenantTerms.of(tenant);
        long plan = plans.named(planName).id();
        if (plan != terms.planId()) {
            tenantTerms.change(tenant, terms, tenant.name(), terms.withPlan(plan));
        }
    }

    /** Records a payment of {@code months} for the tenant ({@link Renewals#record}): paid-until moves on. */
    public void renew(String label, int months) {
        renewals.record(find(label), Optional.of(months), Optional.empty());
    }

    /**
     * Has the tenant's upgrade tried again now (see {@link TenantUpgrade#retryNow}); refuses a caller
     * who is not a super-user, an unknown label.
     */
    public UpgradeState retryUpgrade(String label) {
        caller.requireSuperUser();
        return upgrade.retryNow(find(label));
    }

    /** Deletes a tenant once its label has been typed again, so that no click alone deletes one. */
    public void delete(String label, String typed) {
        caller.requireSuperUser();
        if (!label.equals(typed == null ? "" : typed.strip())) {
            throw new BrokenRuleException("tenant.confirmDeletion", label);
        }
        provisioning.delete(label);
    }

    private Tenant find(String label) {
        if (!TenantLabel.isWellFormed(label)) {
            throw new UnknownTenantException(label);
        }
        return directory.find(new TenantLabel(label)).orElseThrow(() -> new UnknownTenantException(label));
    }

    private static String where() {
        return "WHERE (t.label ILIKE ?1 ESCAPE '\\' OR t.name ILIKE ?1 ESCAPE '\\' OR a.username ILIKE ?1 ESCAPE '\\') "
                + "AND (?4 = '' OR " + SUBSCRIPTION + " = ?4)";
    }

    private static String pattern(String filter) {
        return LikePattern.containing(filter == null ? "" : filter.strip());
    }

    private static OffsetDateTime utc(Object value) {
        return value == null ? null : value instanceof Timestamp time ? time.toInstant().atOffset(ZoneOffset.UTC)
                : ((OffsetDateTime) value).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
