package io.tenantry.accounts;

import java.io.Serializable;

/** The account a request is made by, as the authentication mechanism established it. */
public record Caller(long accountId, String username, boolean superUser) implements Serializable {

    /** From a row of (id, username, super_user). */
    static Caller of(Object[] row) {
        return new Caller(((Number) row[0]).longValue(), (String) row[1], (Boolean) row[2]);
    }
}
