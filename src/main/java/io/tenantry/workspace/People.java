package io.tenantry.workspace;

import io.tenantry.access.Members;
import io.tenantry.tenancy.TenantData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * People in workspace data (authors, testers, assignees) are accounts authorized on the tenant,
 * named by user name at the edges and kept as account ids in the tables (shown again through
 * {@code Accounts.usernames}).
 */
@ApplicationScoped
@Transactional
@TenantData
public class People {

    @Inject
    Members members;

    /** The account id of an authorized user, or null for no one; anyone else is refused on the field. */
    public Long idOf(String field, String username) {
        return username == null || username.isBlank() ? null : members.requireAuthorized(field, username);
    }
}
