package io.tenantry.workspace;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.eclipse.persistence.annotations.BatchFetchType;
import org.eclipse.persistence.config.QueryHints;

import io.tenantry.platform.BrokenRuleException;
import io.tenantry.platform.LikePattern;
import io.tenantry.platform.ListQuery;
import io.tenantry.platform.ResultPage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

/**
 * Turns a {@link ListQuery} into JPQL for one entity: only the sorts and filters declared here are
 * accepted (never a name from the request in the query text), unknown ones are refused by name.
 */
public final class Listing<T> {

    /** A filter: its JPQL condition using {@code :value}, and how the request's text becomes the value. */
    record Filter(String condition, Function<String, Object> value) {
    }

    private final Class<T> type;
    private final String alias;
    private final String defaultSort;
    private final boolean newestFirst;
    private final Map<String, String> sorts = new HashMap<>();
    private final Map<String, Filter> filters = new HashMap<>();
    private final List<String> readWith = new ArrayList<>();

    /**
     * A list of {@code type}, named {@code alias} in the declared paths and conditions, sorted by the
     * declared sort {@code defaultSort} when the query names none.
     */
    public Listing(Class<T> type, String alias, String defaultSort) {
        this(type, alias, defaultSort, false);
    }

    /** A list whose unsorted order is the default sort descending, such as runs, newest first. */
    public Listing(Class<T> type, String alias, String defaultSort, boolean newestFirst) {
        this.type = type;
        this.alias = alias;
        this.defaultSort = defaultSort;
        this.newestFirst = newestFirst;
    }

    /** Declares the sort {@code name} (as {@code ?sort=name} or {@code -name}), by the JPQL {@code path}. */
    public Listing<T> sort(String name, String path) {
        sorts.put(name, path);
        return this;
    }

    /**
     * Declares the filter {@code name} ({@code ?name=value}): the JPQL {@code condition} with the
     * parameter {@code :value}, bound to the request's value as {@code value} turns it (which throws
     * {@link IllegalArgumentException} for a value it cannot take: 400 naming the filter).
     */
    public Listing<T> filter(String name, String condition, Function<String, Object> value) {
        filters.put(name, new Filter(condition, value));
        return this;
    }

    /**
     * Relationships the items are shown with: each is read for the whole page in one more query
     * (EclipseLink's batch reading, by the page's ids), not once per item when first touched.
     */
    public Listing<T> readWith(String... paths) {
        readWith.addAll(List.of(paths));
        return this;
    }

    /**
     * A filter on a part of a text, whatever its case: {@code ?name=shop} finds "Web Shop", and
     * {@code ?name=%} finds only names with a "%" in them.
     */
    public Listing<T> containing(String name, String path) {
        return filter(name, "LOWER(" + alias + "." + path + ") LIKE :value ESCAPE '" + LikePattern.ESCAPE + "'",
                LikePattern::containingLowerCase);
    }

    /** One page of the list as the query asks; a sort or filter not declared is refused (400, by name). */
    public ResultPage<T> run(EntityManager em, ListQuery query) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> values = new HashMap<>();
        query.filters().forEach((name, text) -> {
            if (text == null || text.isBlank()) {
                return;
            }
            Filter filter = filters.get(name);
            if (filter == null) {
                throw BrokenRuleException.onField(name, "list.unknownFilter", name, String.join(", ", filters.keySet()));
            }
            String parameter = "f_" + values.size();
            conditions.add("(" + filter.condition().replace(":value", ":" + parameter) + ")");
            values.put(parameter, valueOf(name, filter, text.strip()));
        });
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        String from = " FROM " + type.getSimpleName() + " " + alias + where;
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(" + alias + ")" + from, Long.class);
        TypedQuery<T> select = em.createQuery("SELECT " + alias + from + " ORDER BY " + order(query), type);
        values.forEach((name, value) -> {
            count.setParameter(name, value);
            select.setParameter(name, value);
        });
        readWith.forEach(path -> select.setHint(QueryHints.BATCH, alias + "." + path));
        // IN, not JOIN or EXISTS: those repeat the page's query, whose LIMIT and OFFSET they would lose.
        select.setHint(QueryHints.BATCH_TYPE, BatchFetchType.IN);
        List<T> items = select.setFirstResult(query.offset()).setMaxResults(query.limit()).getResultList();
        return ResultPage.of(items, query.offset(), query.limit(), count::getSingleResult);
    }

    private String order(ListQuery query) {
        String path = defaultSort;
        boolean descending = query.descending() || newestFirst;
        if (query.sort() != null && !query.sort().isBlank()) {
            descending = query.descending();
            path = sorts.get(query.sort());
            if (path == null) {
                throw BrokenRuleException.onField("sort", "list.unknownSort", query.sort(),
                        String.join(", ", sorts.keySet()));
            }
        }
        String direction = descending ? " DESC" : "";
        // The id breaks ties, so that pages neither repeat nor skip items.
        String tieBreak = path.equals("id") ? "" : ", " + alias + ".id" + direction;
        return alias + "." + path + direction + tieBreak;
    }

    private static Object valueOf(String name, Filter filter, String text) {
        try {
            return filter.value().apply(text);
        } catch (IllegalArgumentException e) {
            throw BrokenRuleException.onField(name, "list.badFilter", name, text);
        }
    }
}
