package io.tenantry.tenancy;

import java.util.Optional;

import javax.naming.InitialContext;
import javax.naming.NamingException;

import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * The tenant schema bound to the current JTA transaction. Binding to the transaction, not to the
 * thread or the request, means a pooled thread never carries a tenant from one unit of work to the
 * next, and every connection the transaction uses is routed the same way.
 */
public final class TransactionTenant {

    private static final String KEY = TransactionTenant.class.getName();
    private static final String SNAPSHOT_KEY = KEY + ".snapshot";
    private static final String RESTORE_KEY = KEY + ".restore";
    private static volatile TransactionSynchronizationRegistry registry;

    private TransactionTenant() {
    }

    /** Binds the schema to the active transaction; a second, different tenant in it is refused. */
    public static void bind(SchemaName schema) {
        TransactionSynchronizationRegistry transactions = registry();
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            throw new IllegalStateException("Tenant data is reached only inside a transaction (annotate the "
                    + "service @Transactional)");
        }
        Object bound = transactions.getResource(KEY);
        if (bound == null) {
            transactions.putResource(KEY, schema);
        } else if (!bound.equals(schema)) {
            throw new IllegalStateException("This transaction already works on " + bound + ", not " + schema);
        }
    }

    /**
     * Asks that every read of the active transaction see one snapshot of the database (REPEATABLE
     * READ), as an export needs to be one moment of the tenant. Called before the transaction's first
     * read: {@link SchemaRouting} sets the level on the connection before it routes it.
     */
    public static void readOneSnapshot() {
        TransactionSynchronizationRegistry transactions = registry();
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            throw new IllegalStateException("A snapshot is read only inside a transaction");
        }
        transactions.putResource(SNAPSHOT_KEY, Boolean.TRUE);
    }

    /** Whether the active transaction asked to read one snapshot ({@link #readOneSnapshot}). */
    static boolean readsOneSnapshot() {
        TransactionSynchronizationRegistry transactions = registry();
        return transactions.getTransactionStatus() == Status.STATUS_ACTIVE
                && Boolean.TRUE.equals(transactions.getResource(SNAPSHOT_KEY));
    }

    /**
     * Marks the active transaction as the work of the tenant's restore, which holds the tenant's lock
     * exclusively ({@link TenantRestores}): {@link SchemaRouting} then takes no shared lock for it.
     */
    static void bindAsRestore() {
        registry().putResource(RESTORE_KEY, Boolean.TRUE);
    }

    /** Whether the active transaction is the work of a restore ({@link #bindAsRestore}). */
    static boolean isRestore() {
        return Boolean.TRUE.equals(registry().getResource(RESTORE_KEY));
    }

    /** The schema bound to the active transaction, if there is one. */
    public static Optional<SchemaName> bound() {
        TransactionSynchronizationRegistry transactions = registry();
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            return Optional.empty();
        }
        return Optional.ofNullable((SchemaName) transactions.getResource(KEY));
    }

    private static TransactionSynchronizationRegistry registry() {
        TransactionSynchronizationRegistry found = registry;
        if (found == null) {
            try {
                found = (TransactionSynchronizationRegistry) new InitialContext()
                        .lookup("java:comp/TransactionSynchronizationRegistry");
            } catch (NamingException e) {
                throw new IllegalStateException("No TransactionSynchronizationRegistry in JNDI", e);
            }
            registry = found;
        }
        return found;
    }
}
