package io.tenantry.platform;

import java.util.Map;

/**
 * What a list asks for: a window (offset, limit), an order and filters by name. The same query
 * serves the REST API's query parameters and the lazy tables of the pages.
 */
public record ListQuery(int offset, int limit, String sort, boolean descending, Map<String, String> filters) {

    public static final int MAX_LIMIT = 500;

    public ListQuery {
        offset = Math.max(0, offset);
        limit = limit <= 0 ? 50 : Math.min(limit, MAX_LIMIT);
        filters = filters == null ? Map.of() : Map.copyOf(filters);
    }

    public static ListQuery all(Map<String, String> filters) {
        return new ListQuery(0, MAX_LIMIT, null, false, filters);
    }
}
