package io.tenantry.api;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import io.tenantry.platform.PlainText;
import io.tenantry.platform.ListQuery;
import jakarta.ws.rs.core.UriInfo;

/**
 * A list request's query string: {@code offset}, {@code limit}, {@code sort}, {@code order=desc};
 * every other parameter is a filter, which the service accepts or refuses by name. A filter holding
 * a control character is refused ({@link PlainText}): PostgreSQL cannot search for NUL.
 */
public final class ListParams {

    private static final Set<String> WINDOW = Set.of("offset", "limit", "sort", "order");

    private ListParams() {
    }

    /** The list query the request's parameters ask for; 400 for a malformed number or a control character. */
    public static ListQuery of(UriInfo uri) {
        var parameters = uri.getQueryParameters();
        Map<String, String> filters = new HashMap<>();
        parameters.forEach((name, values) -> {
            if (!WINDOW.contains(name) && !values.isEmpty()) {
                filters.put(name, PlainText.require(name, values.get(0)));
            }
        });
        return new ListQuery(number(parameters.getFirst("offset"), "offset"), number(parameters.getFirst("limit"), "limit"),
                parameters.getFirst("sort"), "desc".equalsIgnoreCase(parameters.getFirst("order")), filters);
    }

    private static int number(String text, String name) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw io.tenantry.platform.BrokenRuleException.onField(name, "list.badFilter", name, text);
        }
    }
}
