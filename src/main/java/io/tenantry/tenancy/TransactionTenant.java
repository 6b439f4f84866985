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
