package io.tenantry.access;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import io.tenantry.accounts.Caller;
import io.tenantry.accounts.CurrentCaller;
import io.tenantry.accounts.NotPermittedException;
import io.tenantry.platform.BrokenRuleException;
import io.tenantry.platform.StoredYears;
import io.tenantry.tenancy.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * A tenant's paid periods: a super-user (or an operator's billing system with a super-user's token)
 * records a renewal, which extends paid-until by the period, from paid-until when it is still ahead,
 * else from now; every period is kept ({@code public.tenant_renewal}) and read by super-users and the
 * tenant's owner. Paid-until written so ends a trial ({@link Subscription}), and TENANTS_BLOCK_UNPAID's
 * rules follow it as they follow any paid-until.
 */
@ApplicationScoped
@Transactional
public class Renewals {

    static final int MOST_MONTHS = 120;

    @PersistenceContext(unitName = "tenantry")
    EntityManager em;

    @Inject
    CurrentCaller caller;

    @Inject
    TenantTermsDirectory tenantTerms;

    /**
     * One paid period: its number among the tenant's (1, 2, … in the order recorded: never the row's
     * platform-wide id, whose gaps would tell the owner how many renewals other tenants paid), from
     * {@code start} to {@code end}, {@code months} long when given so, recorded by whom and when.
     */
    public record Renewal(long id, Instant start, Instant end, Integer months, String recordedBy, Instant recordedAt) {
    }

    /**
     * Records a period of {@code months} (1 to 120) or up to {@code until} (after the period's start),
     * exactly one of them, and extends paid-until to its end. Super-users only
     * ({@link NotPermittedException}); bad periods: {@link BrokenRuleException} (400); a change of the
     * terms meanwhile: 409.
     */
    public Renewal record(Tenant tenant, Optional<Integer> months, Optional<Instant> until) {
        Caller me = caller.requireSuperUser();
        if (months.isPresent() == until.isPresent()) {
            throw new BrokenRuleException("renewal.monthsOrUntil", MOST_MONTHS);
        }
        if (months.isPresent() && (months.get() < 1 || months.get() > MOST_MONTHS)) {
            throw BrokenRuleException.onField("months", "renewal.monthsOrUntil", MOST_MONTHS);
        }
        TenantTerms terms = tenantTerms.of(tenant);
        // As PostgreSQL keeps it (microseconds), so that the answer gives what a later read gives.
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Instant start = terms.paidUntil().filter(paid -> paid.isAfter(now)).orElse(now);
        Instant end = months.map(n -> OffsetDateTime.ofInstant(start, ZoneOffset.UTC).plusMonths(n).toInstant())
                .orElseGet(until::get);
        if (!end.isAfter(start)) {
            throw BrokenRuleException.onField("until", "renewal.untilBeforeStart", start.toString());
        }
        if (!StoredYears.hold(OffsetDateTime.ofInstant(end, ZoneOffset.UTC))) {
            throw BrokenRuleException.onField("until", "renewal.untilBeforeStart", start.toString());
        }
        Object[] recorded = (Object[]) em.createNativeQuery("INSERT INTO public.tenant_renewal (tenant_id, period_start, "
                        + "period_end, months, recorded_by) VALUES (?, ?, ?, CAST(? AS integer), ?) RETURNING id, recorded_at")
                .setParameter(1, tenant.id()).setParameter(2, OffsetDateTime.ofInstant(start, ZoneOffset.UTC))
                .setParameter(3, OffsetDateTime.ofInstant(end, ZoneOffset.UTC)).setParameter(4, months.orElse(null))
                .setParameter(5, me.accountId()).getSingleResult();
        tenantTerms.change(tenant, terms, tenant.name(), terms.withPaidUntil(Optional.of(end)));
        // Renewals are never removed but with their tenant: a period's number is how many of the tenant's came up to it.
        Number number = (Number) em.createNativeQuery("SELECT count(*) FROM public.tenant_renewal WHERE tenant_id = ? "
                + "AND id <= ?").setParameter(1, tenant.id()).setParameter(2, ((Number) recorded[0]).longValue()).getSingleResult();
        return new Renewal(number.longValue(), start, end, months.orElse(null), me.username(),
                Members.timeOf(recorded[1]).toInstant());
    }

    /**
     * The tenant's paid periods, newest first, for a super-user or the tenant's owner; anyone else:
     * {@link NotPermittedException}.
     */
    public List<Renewal> of(Tenant tenant) {
        Caller me = caller.require();
        if (!me.actsAsSuperUser() && !tenantTerms.of(tenant).isOwnedBy(me.accountId())) {
            throw new NotPermittedException("renewal.ownersOnly", tenant.name());
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT row_number() OVER (ORDER BY r.id), r.period_start, r.period_end, r.months, a.username, "
                + "r.recorded_at FROM public.tenant_renewal r LEFT JOIN public.account a ON a.id = r.recorded_by "
                + "WHERE r.tenant_id = ? ORDER BY r.period_end DESC, r.id DESC").setParameter(1, tenant.id())
                .getResultList();
        return rows.stream().map(row -> new Renewal(((Number) row[0]).longValue(), Members.timeOf(row[1]).toInstant(),
                Members.timeOf(row[2]).toInstant(), row[3] == null ? null : ((Number) row[3]).intValue(),
                (String) row[4], Members.timeOf(row[5]).toInstant())).toList();
    }
}
