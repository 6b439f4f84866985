package io.tenantry.faces;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

import io.tenantry.platform.ListQuery;
import io.tenantry.platform.ResultPage;

/**
 * A PrimeFaces lazy table fed by a workspace list: the table's window, sort and column filters
 * become a {@link ListQuery}, so pages and the REST API page, sort and filter the same way.
 */
public class LazyList<T> extends LazyDataModel<T> {

    /** Where the rows come from: a transactional view service, never entities. */
    @FunctionalInterface
    public interface Source<T> extends Serializable {
        ResultPage<T> fetch(ListQuery query);
    }

    /** How a row is told apart from the others. */
    @FunctionalInterface
    public interface Key<T> extends Serializable {
        Object of(T row);
    }

    private final Source<T> source;
    private final Key<T> key;
    private final Map<String, String> fixedFilters = new HashMap<>();

    public LazyList(Source<T> source, Key<T> key) {
        this.source = source;
        this.key = key;
    }

    /** A filter the page sets itself, such as the product being looked at. */
    public LazyList<T> with(String filter, Object value) {
        if (value == null) {
            fixedFilters.remove(filter);
        } else {
            fixedFilters.put(filter, value.toString());
        }
        return this;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        try {
            return (int) source.fetch(query(0, 1, Map.of(), filterBy)).total();
        } catch (IllegalArgumentException refused) {
            return 0; // load says why
        }
    }

    /** A filter the list refuses (a priority of "high") shows its reason and an empty table. */
    @Override
    public List<T> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        try {
            ResultPage<T> page = source.fetch(query(first, pageSize, sortBy, filterBy));
            setRowCount((int) page.total());
            return page.items();
        } catch (IllegalArgumentException refused) {
            Messages.failure(refused);
            setRowCount(0);
            return List.of();
        }
    }

    @Override
    public String getRowKey(T row) {
        return String.valueOf(key.of(row));
    }

    @Override
    public T getRowData(String rowKey) {
        return getWrappedData() == null ? null : ((List<T>) getWrappedData()).stream()
                .filter(row -> getRowKey(row).equals(rowKey)).findFirst().orElse(null);
    }

    private ListQuery query(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        Map<String, String> filters = new HashMap<>(fixedFilters);
        filterBy.values().forEach(meta -> {
            Object value = meta.getFilterValue();
            if (value != null && !value.toString().isBlank()) {
                filters.put(meta.getField(), value.toString());
            }
        });
        SortMeta sort = sortBy.values().stream().findFirst().orElse(null);
        return new ListQuery(first, pageSize, sort == null ? null : sort.getField(),
                sort != null && sort.getOrder() == SortOrder.DESCENDING, filters);
    }
}
