package io.tenantry.accounts;

import java.util.Optional;
import java.util.logging.Logger;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Creates the first super-user from ADMIN_USERNAME, ADMIN_EMAIL and ADMIN_PASSWORD when there is
 * none. Without ADMIN_PASSWORD a strong password is generated and printed this once; with it, when a
 * super-user already exists, its password stays as it is, and the log says so.
 */
@ApplicationScoped
public class SuperUserBootstrap {

    private static final Logger LOG = Logger.getLogger(SuperUserBootstrap.class.getName());

    @Inject
    Accounts accounts;

    @Inject
    @ConfigProperty(name = "admin.username", defaultValue = "admin")
    String username;

    @Inject
    @ConfigProperty(name = "admin.email", defaultValue = "admin@example.com")
    String email;

    @Inject
    @ConfigProperty(name = "admin.password")
    Optional<String> password;

    /** The id of the operator's account: the first super-user, created now when there is none. */
    public long ensureSuperUser() {
        Optional<String> given = password.filter(p -> !p.isBlank());
        String chosen = given.orElseGet(Secrets::random);
        Accounts.FirstSuperUser first = accounts.firstSuperUser(username, email, chosen);
        if (!first.created() && given.isPresent()) {
            // Said, so that no one takes ADMIN_PASSWORD for the password when the account was made earlier.
            LOG.info("ADMIN_PASSWORD is set, but a super-user already exists: its password is unchanged"
                    + " (ADMIN_PASSWORD sets only the first super-user's)");
        } else if (first.created() && given.isPresent()) {
            LOG.info("Created the super-user '" + username + "' with the password from ADMIN_PASSWORD");
        } else if (first.created()) {
            LOG.warning("Created the super-user '" + username + "' with the generated password: " + chosen
                    + "  (shown only this once; set ADMIN_PASSWORD to choose it)");
        }
        if (first.created() && !invitable(email)) {
            // Said, because such an account cannot be invited to a tenant nor brought in by an archive's member list.
            LOG.warning("ADMIN_EMAIL '" + email + "' is an address invitations refuse (it needs a domain with a dot, "
                    + "such as admin@example.com): the super-user '" + username + "' cannot be invited to tenants; "
                    + "change its address on its profile");
        }
        return first.id();
    }

    private static boolean invitable(String email) {
        try {
            AccountRules.email(email);
            return true;
        } catch (InvalidAccountException refused) {
            return false;
        }
    }
}
