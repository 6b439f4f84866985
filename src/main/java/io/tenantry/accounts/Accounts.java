package io.tenantry.accounts;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import io.tenantry.platform.BrokenRuleException;
import io.tenantry.platform.StoredTime;
import io.tenantry.tenancy.Audited;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/** Finds, creates, changes and deactivates accounts; who may call what is checked by the callers. */
@ApplicationScoped
@Transactional
public class Accounts {

    private static final Logger LOG = Logger.getLogger(Accounts.class.getName());

    @PersistenceContext(unitName = "tenantry")
    EntityManager em;

    @Inject
    Passwords passwords;

    @Inject
    SignIns signIns;

    @Inject
    OldCredentials oldCredentials;

    @Inject
    SingleUseLinks links;

    // Observed synchronously, in the deactivating transaction: other modules end what the account held.
    @Inject
    Event<AccountDeactivated> deactivated;

    @Inject
    Event<Audited> audited;

    /** The account of that user name (case ignored), active or deactivated. */
    public Optional<Account> find(String username) {
        return em.createQuery("SELECT a FROM Account a WHERE LOWER(a.username) = :name", Account.class)
                .setParameter("name", username.toLowerCase(Locale.ROOT)).getResultStream().findFirst();
    }

    public Optional<Account> findActive(String username) {
        return em.createQuery("SELECT a FROM Account a WHERE LOWER(a.username) = :name AND a.active = TRUE",
                        Account.class)
                .setParameter("name", username.toLowerCase(Locale.ROOT))
                .getResultStream().findFirst();
    }

    public Optional<Account> findActiveByEmail(String email) {
        return findByEmail(email).filter(Account::isActive);
    }

    /** The account with this address, active or not (a deactivated one still names past work). */
    public Optional<Account> findByEmail(String email) {
        return em.createQuery("SELECT a FROM Account a WHERE a.email = :email", Account.class)
                .setParameter("email", email.strip().toLowerCase(Locale.ROOT))
                .getResultStream().findFirst();
    }

    public Optional<Account> findActive(long id) {
        return Optional.ofNullable(em.find(Account.class, id)).filter(Account::isActive);
    }

    /** The active account a person signing in names, by user name or e-mail address. */
    public Optional<Account> findBySignInName(String usernameOrEmail) {
        String identifier = usernameOrEmail == null ? "" : usernameOrEmail.strip();
        return identifier.contains("@") ? findActiveByEmail(identifier) : findActive(identifier);
    }

    /**
     * The account named (see {@link #findBySignInName}) if the password matches it; the same
     * answer, in the same time, when no account was named as for a wrong password. A password
     * stored at another PASSWORD_ITERATIONS is stored again at the current one.
     */
    public Optional<Account> authenticate(Optional<Account> named, String password) {
        String given = password == null ? "" : password;
        if (named.isPresent() && passwords.matches(given, named.get().passwordHash)) {
            if (passwords.isOutdated(named.get().passwordHash)) {
                // Made at another PASSWORD_ITERATIONS: a timing would otherwise tell this account from an
                // unknown name, whose decoy is at the current count (a hostile review's finding).
                em.find(Account.class, named.get().id()).rehashPassword(passwords.hash(given));
            }
            return named;
        }
        if (named.isEmpty()) {
            // As slow as a real check, so timing does not tell whether the account exists.
            passwords.matches(given, passwords.decoy());
        }
        return Optional.empty();
    }

    public void recordSignIn(long accountId) {
        em.find(Account.class, accountId).signedInAt(StoredTime.now());
    }

    public Account create(String username, String email, String displayName, String password) {
        String name = AccountRules.username(username);
        String address = AccountRules.email(email);
        Account account = new Account(name, address, AccountRules.displayName(displayName),
                passwords.hash(AccountRules.password(password, name)), false);
        requireUnique(name, address, null);
        em.persist(account);
        em.flush();
        audited.fire(Audited.onPlatform("account.created", name).after(Map.of("email", address)));
        return account;
    }

    /**
     * The account of an address someone registers: the active one that uses it, or a new one
     * without a password, named after the address (with a number when the name
     * is taken), which no one can sign in to until a password is chosen.
     */
    public Account forAddress(String email) {
        String address = AccountRules.email(email);
        Optional<Account> existing = findActiveByEmail(address);
        if (existing.isPresent()) {
            return existing.get();
        }
        String base = address.substring(0, address.indexOf('@')).replaceAll("[^A-Za-z0-9._-]", "");
        base = base.length() < 3 || !Character.isLetterOrDigit(base.charAt(0)) ? "user" + base : base;
        base = base.substring(0, Math.min(base.length(), 34));
        String username = base;
        for (int n = 2; findAny(username).isPresent(); n++) {
            username = base + n;
        }
        requireUnique(username, address, null);
        Account account = Account.invited(username, address, passwords.hash(Secrets.random()));
        em.persist(account);
        em.flush();
        return account;
    }

    private Optional<Account> findAny(String username) {
        return em.createQuery("SELECT a FROM Account a WHERE LOWER(a.username) = :name", Account.class)
                .setParameter("name", username.toLowerCase(Locale.ROOT)).getResultStream().findFirst();
    }

    /** For {@link MyAccount}, which decides who may. */
    Account changeDisplayName(long accountId, String displayName) {
        Account account = em.find(Account.class, accountId);
        account.changeDisplayName(AccountRules.displayName(displayName));
        return account;
    }

    /**
     * For {@link EmailChanges}, once the new address is confirmed or a super-user sets it: refuses an
     * address another account has ({@link AccountConflictException}).
     */
    Account changeEmail(long accountId, String email) {
        Account account = em.find(Account.class, accountId);
        String address = AccountRules.email(email);
        requireUnique(account.username, address, account.id);
        account.changeEmail(address);
        return account;
    }

    /** Refuses ({@link AccountConflictException}) an address (checked) that an account other than this one has. */
    void requireAddressFree(String email, long accountId) {
        Account account = em.find(Account.class, accountId);
        requireUnique(account.username, email, accountId);
    }

    /**
     * For {@link MyAccount}, which decides who may: changes the password, given the current one, and
     * withdraws what the old one gave (see {@link OldCredentials}); the caller starts a new sign-in
     * for the session that asked.
     */
    void changePassword(long accountId, String current, String replacement, boolean revokeTokens) {
        Account account = em.find(Account.class, accountId);
        if (!passwords.matches(current == null ? "" : current, account.passwordHash)) {
            throw new InvalidAccountException("currentPassword", "password.currentWrong");
        }
        setPassword(account, replacement);
        oldCredentials.withdraw(accountId, revokeTokens);
        audited.fire(Audited.onPlatform("account.password-changed", account.username)
                .after(Map.of("tokensRevoked", revokeTokens)));
    }

    /**
     * Names an account made for its address (see {@link #forAddress}) and gives it its first
     * password: the end of a registration. Refuses a taken or malformed name, or a weak password.
     */
    public Account completeRegistration(long accountId, String username, String displayName, String password) {
        Account account = em.find(Account.class, accountId);
        String name = AccountRules.username(username);
        requireUnique(name, account.email, account.id);
        account.register(name, AccountRules.displayName(displayName),
                passwords.hash(AccountRules.password(password, name)));
        links.withdrawAll(account.id);
        return account;
    }

    /** Sets the password and withdraws every unused link of the account (reset, invitation, registration, hand-off). */
    void setPassword(Account account, String password) {
        account.changePassword(passwords.hash(AccountRules.password(password, account.username)));
        links.withdrawAll(account.id);
    }

    /** User names by account id, for showing many references at once. */
    public Map<Long, String> usernames(Set<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("SELECT a FROM Account a WHERE a.id IN :ids", Account.class).setParameter("ids", ids)
                .getResultStream().collect(Collectors.toMap(Account::id, Account::username));
    }

    /** The addresses of the platform's operators, who hear of new tenants. */
    public List<String> superUserEmails() {
        return em.createQuery("SELECT a.email FROM Account a WHERE a.superUser = TRUE AND a.active = TRUE ORDER BY a.id",
                String.class).getResultList();
    }

    public Account allowTenantCreation(String username, boolean allowed) {
        Account account = findActive(username).orElseThrow(() -> new UnknownAccountException(username));
        boolean before = account.mayCreateTenants();
        account.allowTenantCreation(allowed);
        if (before != allowed) {
            audited.fire(Audited.onPlatform("account.may-create-tenants", account.username)
                    .before(Map.of("mayCreateTenants", before)).after(Map.of("mayCreateTenants", allowed)));
        }
        return account;
    }

    public List<Account> all() {
        return em.createQuery("SELECT a FROM Account a ORDER BY LOWER(a.username)", Account.class).getResultList();
    }

    /**
     * Deactivates an account: its sign-ins end, and it leaves every tenant and every group (by the
     * observers of {@link AccountDeactivated}, in this transaction). The account row stays, so that
     * what the person did keeps its author.
     */
    public void deactivate(String username) {
        Account account = findActive(username).orElseThrow(() -> new UnknownAccountException(username));
        if (account.superUser && countActiveSuperUsers() == 1) {
            throw new BrokenRuleException("account.lastSuperUser");
        }
        deactivated.fire(new AccountDeactivated(account.id, account.username));
        signIns.endAll(account.id);
        account.deactivate();
        LOG.info("Deactivated account " + account.username);
    }

    record FirstSuperUser(long id, boolean created) {
    }

    /** The oldest active super-user, creating one when there is none. */
    FirstSuperUser firstSuperUser(String username, String email, String password) {
        List<Long> ids = em.createQuery("SELECT a.id FROM Account a WHERE a.superUser = TRUE AND a.active = TRUE "
                + "ORDER BY a.id", Long.class).setMaxResults(1).getResultList();
        if (!ids.isEmpty()) {
            return new FirstSuperUser(ids.get(0), false);
        }
        Account account = new Account(username, email, "", passwords.hash(password), true);
        em.persist(account);
        em.flush();
        return new FirstSuperUser(account.id, true);
    }

    private long countActiveSuperUsers() {
        return em.createQuery("SELECT COUNT(a) FROM Account a WHERE a.superUser = TRUE AND a.active = TRUE", Long.class)
                .getSingleResult();
    }

    private void requireUnique(String username, String email, Long except) {
        List<Account> clashes = em.createQuery("SELECT a FROM Account a WHERE (LOWER(a.username) = :name "
                        + "OR a.email = :email) AND a.id <> :except", Account.class)
                .setParameter("name", username.toLowerCase(Locale.ROOT)).setParameter("email", email)
                .setParameter("except", except == null ? -1L : except).getResultList();
        for (Account clash : clashes) {
            if (clash.username.equalsIgnoreCase(username)) {
                throw new AccountConflictException("account.usernameTaken", username);
            }
            throw new AccountConflictException("account.emailTaken", email);
        }
    }
}
