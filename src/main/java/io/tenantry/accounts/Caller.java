package io.tenantry.accounts;

import java.io.Serializable;

/** The account a request is made by, and how it proved it, as the authentication mechanism established. */
public record Caller(long accountId, String username, boolean superUser, Credential credential)
        implements Serializable {

    /** From a row of (id, username, super_user). */
    static Caller of(Object[] row, Credential credential) {
        return new Caller(((Number) row[0]).longValue(), (String) row[1], (Boolean) row[2], credential);
    }

    /**
     * Whether the super-user's powers over the platform and other people's tenants come with this
     * request: not with a tenant host's session, whose pages could use them behind the person's back.
     * Reading stays (an operator's read access, unpaid tenants), as it changes nothing.
     */
    public boolean actsAsSuperUser() {
        return superUser && credential.reachesAccount();
    }
}
