package io.tenantry.workspace;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.tenantry.access.Members;
import io.tenantry.tenancy.TenantData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * People in workspace data (authors, testers, assignees) are accounts authorized on the tenant,
 * named by user name at the edges and kept as account ids in the tables.
 */
@ApplicationScoped
@Transactional
@TenantData
public class People {

    @PersistenceContext(unitName = "tenantry")
    EntityManager em;

    @Inject
    Members members;

    /** The account id of an authorized user, or null for no one; anyone else is refused on the field. */
    public Long idOf(String field, String username) {
        return username == null || username.isBlank() ? null : members.requireAuthorized(field, username);
    }

    /** User names by account id, in one query. */
    public Map<Long, String> namesOf(Collection<Long> accountIds) {
        Map<Long, String> names = new HashMap<>();
        List<Long> ids = accountIds.stream().filter(Objects::nonNull).distinct().toList();
        if (!ids.isEmpty()) {
            em.createQuery("SELECT a.id, a.username FROM Account a WHERE a.id IN :ids", Object[].class)
                    .setParameter("ids", ids).getResultList()
                    .forEach(row -> names.put((Long) row[0], (String) row[1]));
        }
        return names;
    }
}
