package io.tenantry.access;

import java.time.OffsetDateTime;
import java.util.List;

/** An authorized user of the current tenant, with the groups they are in there. */
public record Member(String username, String displayName, String email, boolean owner, OffsetDateTime since,
        List<String> groups) {
}
