package io.tenantry.accounts;

import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/** Finds and creates accounts. */
@ApplicationScoped
@Transactional
public class Accounts {

    @PersistenceContext(unitName = "tenantry")
    EntityManager em;

    @Inject
    Passwords passwords;

    public Optional<Account> findActive(String username) {
        return em.createQuery("SELECT a FROM Account a WHERE LOWER(a.username) = :name AND a.active = TRUE",
                        Account.class)
                .setParameter("name", username.toLowerCase(Locale.ROOT))
                .getResultStream().findFirst();
    }

    /** The account whose password matches, if any; the same answer for a wrong name as a wrong password. */
    public Optional<Account> authenticate(String username, String password) {
        Optional<Account> account = findActive(username);
        if (account.isPresent() && passwords.matches(password, account.get().passwordHash)) {
            return account;
        }
        return Optional.empty();
    }

    boolean anySuperUser() {
        return !em.createQuery("SELECT a.id FROM Account a WHERE a.superUser = TRUE").setMaxResults(1)
                .getResultList().isEmpty();
    }

    void createSuperUser(String username, String email, String password) {
        em.persist(new Account(username, email, passwords.hash(password), true));
    }
}
