package io.tenantry.tenancy;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A change of who may do what, or of a tenant's life, told to the audit trail ({@code io.tenantry.audit}).
 * Fired synchronously inside the changing transaction by the module that makes the change, so that
 * the entry commits or rolls back with it; an attempt that changes nothing (a sign-in, a failed one,
 * an export) is {@link #standalone()}: kept whatever becomes of the request's transaction. It lives
 * on tenancy's floor so that every module above may fire it and name the tenant.
 *
 * @param tenant the tenant whose trail shows it; empty: the platform's trail only
 * @param action what happened, dotted and lower-case, such as {@code group.permissions}
 * @param subject what it happened to (a user name, a group's name, an address); "" for the tenant itself
 * @param before the values as they were, by name (small: no bodies); empty when there were none
 * @param after the values as they are now, by name; empty when there are none
 * @param actor who did it when that is not the request's caller (the account signing in, the
 *        name typed in a failed sign-in); empty: the caller, or "system" outside a request
 * @param standalone whether to keep it apart from the request's transaction
 * @param notAgainWithin when present, it is left out if an entry of the same tenant, action and actor
 *        was written within this time: for attempts anyone may repeat at will (a tenant host's
 *        sign-in from a public host's session), so that repeating them cannot grow the trail without bound
 */
public record Audited(Optional<Tenant> tenant, String action, String subject, Map<String, Object> before,
        Map<String, Object> after, Optional<String> actor, boolean standalone, Optional<Duration> notAgainWithin) {

    public Audited {
        subject = subject == null ? "" : subject;
        before = Collections.unmodifiableMap(new LinkedHashMap<>(before));
        after = Collections.unmodifiableMap(new LinkedHashMap<>(after));
    }

    /** A change in a tenant, shown in its trail and the platform's. */
    public static Audited in(Tenant tenant, String action, String subject) {
        return new Audited(Optional.of(tenant), action, subject, Map.of(), Map.of(), Optional.empty(), false, Optional.empty());
    }

    /** A change of the platform (accounts, sign-ins), shown in the platform's trail only. */
    public static Audited onPlatform(String action, String subject) {
        return new Audited(Optional.empty(), action, subject, Map.of(), Map.of(), Optional.empty(), false, Optional.empty());
    }

    /** The values as they were; a value may be an {@link Optional}, a collection, a number, a truth or text. */
    public Audited before(Map<String, ?> values) {
        return new Audited(tenant, action, subject, new LinkedHashMap<>(values), after, actor, standalone, notAgainWithin);
    }

    /** The values as they are now; as {@link #before}. */
    public Audited after(Map<String, ?> values) {
        return new Audited(tenant, action, subject, before, new LinkedHashMap<>(values), actor, standalone, notAgainWithin);
    }

    /** Done by this account (its user name), not by the request's caller. */
    public Audited by(String username) {
        return new Audited(tenant, action, subject, before, after, Optional.of(username), standalone, notAgainWithin);
    }

    /** Kept whatever becomes of the request's transaction: an attempt, not a change. */
    public Audited kept() {
        return new Audited(tenant, action, subject, before, after, actor, true, notAgainWithin);
    }

    /** Left out when the same tenant, action and actor has an entry younger than {@code within}. */
    public Audited notAgainWithin(Duration within) {
        return new Audited(tenant, action, subject, before, after, actor, standalone, Optional.of(within));
    }
}
