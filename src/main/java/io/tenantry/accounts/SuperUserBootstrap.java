package io.tenantry.accounts;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Creates the first super-user from ADMIN_USERNAME, ADMIN_EMAIL and ADMIN_PASSWORD when there is
 * none. Without ADMIN_PASSWORD a strong password is generated and printed this once.
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
    @ConfigProperty(name = "admin.email", defaultValue = "admin@localhost")
    String email;

    @Inject
    @ConfigProperty(name = "admin.password")
    Optional<String> password;

    public void ensureSuperUser() {
        if (accounts.anySuperUser()) {
            return;
        }
        Optional<String> given = password.filter(p -> !p.isBlank());
        String chosen = given.orElseGet(SuperUserBootstrap::generated);
        accounts.createSuperUser(username, email, chosen);
        if (given.isPresent()) {
            LOG.info("Created the super-user '" + username + "' with the password from ADMIN_PASSWORD");
        } else {
            LOG.warning("Created the super-user '" + username + "' with the generated password: " + chosen
                    + "  (shown only this once; set ADMIN_PASSWORD to choose it)");
        }
    }

    private static String generated() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
