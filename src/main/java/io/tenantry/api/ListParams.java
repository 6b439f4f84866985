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

    private static final Set<String> WINDOW = Set.of("offset", "limit", "sort", "order");

    private ListParams() {
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
        int limit = number(parameters.getFirst("limit"), "limit");
        if (limit > ListQuery.MAX_LIMIT) {
            throw BrokenRuleException.onField("limit", "list.limitTooLarge", limit, ListQuery.MAX_LIMIT);
        }
        return new ListQuery(number(parameters.getFirst("offset"), "offset"), limit, parameters.getFirst("sort"),
                "desc".equalsIgnoreCase(parameters.getFirst("order")), filters);
    }

    /**
     * The window of a list that is neither filtered nor sorted (it has one order of its own): as
     * {@link #of}, and 400 naming any other parameter than {@code offset} and {@code limit}.
     */
    public static ListQuery window(UriInfo uri) {
        ListQuery query = of(uri);
        uri.getQueryParameters().keySet().stream().filter(name -> !name.equals("offset") && !name.equals("limit"))
                .sorted().findFirst().ifPresent(name -> {
                    throw BrokenRuleException.onField(name, "list.notFiltered", name);
                });
        return query;
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
