package io.tenantry.workspace;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.tenantry.access.Members;
import io.tenantry.accounts.Accounts;
import io.tenantry.tenancy.TenantData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * People in workspace data (authors, testers, assignees) are accounts authorized on the tenant,
 * named by user name at the edges and kept as account ids in the tables: {@link #idOf} on the way
 * in, {@link #namesIn} (through {@code Accounts.usernames}, once per answer) on the way out.
 */
@ApplicationScoped
@Transactional
@TenantData
public class People {

    @Inject
    Members members;

    @Inject
    Accounts accounts;

    /** The account id of an authorized user, or null for no one; anyone else is refused on the field. */
    public Long idOf(String field, String username) {
        return username == null || username.isBlank() ? null : members.requireAuthorized(field, username);
    }

    /**
     * The user names of everyone the items name, looked up once.
     *
     * @param people the account ids an item names (nulls are skipped)
     * @return account id to user name; a HashMap, since views look up ids that may be null, which
     *         {@code Map.of()} refuses
     */
    public <E> Map<Long, String> namesIn(List<E> items, Function<E, Stream<Long>> people) {
        return new HashMap<>(accounts.usernames(items.stream().flatMap(people).filter(Objects::nonNull)
                .collect(Collectors.toSet())));
    }

    /** Each item as a view, the people it names by user name (see {@link #namesIn}). */
    public <E, V> List<V> listed(List<E> items, Function<E, Stream<Long>> people,
            BiFunction<E, Map<Long, String>, V> view) {
        Map<Long, String> names = namesIn(items, people);
        return items.stream().map(item -> view.apply(item, names)).toList();
    }

    /** One item as a view, the people it names by user name. */
    public <E, V> V one(E item, Function<E, Stream<Long>> people, BiFunction<E, Map<Long, String>, V> view) {
        return listed(List.of(item), people, view).get(0);
    }
}
