package io.tenantry.api;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import io.tenantry.platform.BrokenRuleException;
import io.tenantry.platform.PlainText;
import io.tenantry.platform.ListQuery;
import jakarta.ws.rs.core.UriInfo;

/**
 * A list request's query string: {@code offset}, {@code limit}, {@code sort}, {@code order=desc};
 * every other parameter is a filter, which the service accepts or refuses by name. A filter holding
 * a control character is refused ({@link PlainText}): PostgreSQL cannot search for NUL. A
 * {@code limit} above {@link ListQuery#MAX_LIMIT} is refused, not cut down: a client that asked for
 * more would otherwise take the shorter window for the whole list.
 */
public final class ListParams {

    /** The parameters a window of a list without filters or sorts takes. */
    private static final Set<String> WINDOW_ONLY = Set.of("offset", "limit", "order");

    private static final Set<String> WINDOW = Set.of("offset", "limit", "sort", "order");

    private ListParams() {
    }

    /**
     * A window of a list that has no filters or sorts of its own (a subject's comments, a case's
     * history, a tenant's groups): {@code offset} (from 0, default 0), {@code limit} (from 1 to
     * {@link ListQuery#MAX_LIMIT}, default 50) and {@code order=desc} for the newest first. A limit
     * beyond the maximum is refused (400 naming it) rather than cut short, so that a client never
     * takes a shortened window for the whole; so is any other parameter (400 naming it).
     */
    public static ListQuery window(UriInfo uri) {
        var parameters = uri.getQueryParameters();
        parameters.keySet().stream().filter(name -> !WINDOW_ONLY.contains(name)).sorted().findFirst()
                .ifPresent(name -> {
                    throw BrokenRuleException.onField(name, "list.notFiltered", name);
                });
        return new ListQuery(offset(parameters.getFirst("offset")), limit(parameters.getFirst("limit")), null,
                descending(parameters.getFirst("order")), Map.of());
    }

    /**
     * The list query the request's parameters ask for; 400 ({@link BrokenRuleException}) for a
     * malformed number, a control character or a {@code limit} above {@link ListQuery#MAX_LIMIT}.
     */
    public static ListQuery of(UriInfo uri) {
        var parameters = uri.getQueryParameters();
        Map<String, String> filters = new HashMap<>();
        parameters.forEach((name, values) -> {
            if (!WINDOW.contains(name) && !values.isEmpty()) {
                filters.put(name, PlainText.require(name, values.get(0)));
            }
        });
        return new ListQuery(offset(parameters.getFirst("offset")), limit(parameters.getFirst("limit")),
                parameters.getFirst("sort"), descending(parameters.getFirst("order")), filters);
    }

    /** {@code offset}: from 0, 0 when absent; anything else is refused, naming it. */
    private static int offset(String text) {
        int offset = number(text, "offset");
        if (offset < 0) {
            throw BrokenRuleException.onField("offset", "list.offset", text);
        }
        return offset;
    }

    /**
     * {@code limit}: from 1 to {@link ListQuery#MAX_LIMIT}, the default when absent; anything else is
     * refused, naming the maximum, never cut down or put back to the default.
     */
    private static int limit(String text) {
        int limit = number(text, "limit");
        if (text != null && !text.isBlank() && (limit < 1 || limit > ListQuery.MAX_LIMIT)) {
            throw BrokenRuleException.onField("limit", "list.limit", text, ListQuery.MAX_LIMIT);
        }
        return limit;
    }

    /** {@code order}: {@code asc} (or absent) or {@code desc}; anything else is refused, naming it. */
    private static boolean descending(String order) {
        if (order == null || order.isBlank() || order.strip().equalsIgnoreCase("asc")) {
            return false;
        }
        if (order.strip().equalsIgnoreCase("desc")) {
            return true;
        }
        throw BrokenRuleException.onField("order", "list.order", PlainText.require("order", order));
    }

    private static int number(String text, String name) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw BrokenRuleException.onField(name, "list.badFilter", name, text);
        }
    }
}
