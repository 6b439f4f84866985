package io.tenantry.audit;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.tenantry.platform.BrokenRuleException;
import io.tenantry.platform.PlainText;
import io.tenantry.platform.StoredYears;

/**
 * Which entries to show: {@code action} (the action, or every action under it: {@code group} finds
 * {@code group.created} and {@code group.permissions}), {@code actor} (a user name, exactly),
 * {@code from} and {@code to} (days in UTC, both included) and, in the platform's trail only,
 * {@code tenant} (a label). Any other filter is a 400 naming it; so is a malformed date, or one outside
 * the years 1-9999 ({@link StoredYears}).
 */
public record AuditFilter(Optional<String> action, Optional<String> actor, Optional<LocalDate> from,
        Optional<LocalDate> to, Optional<String> tenant) {

    private static final Set<String> TENANT_FILTERS = Set.of("action", "actor", "from", "to");
    private static final Set<String> PLATFORM_FILTERS = Set.of("action", "actor", "from", "to", "tenant");

    /** The filters a request names, by name; {@code platform}: whether {@code tenant} is taken too. */
    public static AuditFilter of(Map<String, String> filters, boolean platform) {
        Set<String> allowed = platform ? PLATFORM_FILTERS : TENANT_FILTERS;
        filters.keySet().stream().filter(name -> !allowed.contains(name)).sorted().findFirst().ifPresent(name -> {
            throw BrokenRuleException.onField(name, "audit.unknownFilter", name, platform ? ", tenant" : "");
        });
        return new AuditFilter(text(filters, "action"), text(filters, "actor"), date(filters, "from"),
                date(filters, "to"), text(filters, "tenant"));
    }

    /** From the page's fields (blank: no filter); dates as {@code 2026-12-01}; {@code tenant} only for the platform's. */
    public static AuditFilter fromFields(String action, String actor, String from, String to, String tenant,
            boolean platform) {
        Map<String, String> fields = new HashMap<>(Map.of("action", blankless(action), "actor", blankless(actor),
                "from", blankless(from), "to", blankless(to)));
        if (platform) {
            fields.put("tenant", blankless(tenant));
        }
        return of(fields, platform);
    }

    /** The same filters as query parameters, for an export link ({@code &}-joined, each encoded). */
    public String query() {
        StringBuilder query = new StringBuilder();
        action.ifPresent(value -> append(query, "action", value));
        actor.ifPresent(value -> append(query, "actor", value));
        from.ifPresent(value -> append(query, "from", value.toString()));
        to.ifPresent(value -> append(query, "to", value.toString()));
        tenant.ifPresent(value -> append(query, "tenant", value));
        return query.toString();
    }

    Instant fromInstant() {
        return from.map(day -> day.atStartOfDay(ZoneOffset.UTC).toInstant()).orElse(Instant.EPOCH);
    }

    Instant toInstant() {
        return to.map(day -> day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant())
                .orElse(Instant.parse("9999-12-31T00:00:00Z"));
    }

    private static void append(StringBuilder query, String name, String value) {
        query.append('&').append(name).append('=').append(URLEncoder.encode(value,
                StandardCharsets.UTF_8));
    }

    private static String blankless(String text) {
        return text == null ? "" : text.strip();
    }

    private static Optional<String> text(Map<String, String> filters, String name) {
        return Optional.ofNullable(filters.get(name)).map(String::strip).filter(value -> !value.isEmpty())
                .map(value -> PlainText.require(name, value));
    }

    private static Optional<LocalDate> date(Map<String, String> filters, String name) {
        return text(filters, name).map(value -> {
            try {
                LocalDate day = LocalDate.parse(value);
                // ISO dates take signed years beyond 9999, which PostgreSQL's timestamps (or LocalDate.MAX's next day) do not.
                if (StoredYears.hold(day)) {
                    return day;
                }
            } catch (DateTimeParseException e) {
                // refused below, as a day outside the years kept is
            }
            throw BrokenRuleException.onField(name, "audit.badDate", name, value);
        });
    }
}
