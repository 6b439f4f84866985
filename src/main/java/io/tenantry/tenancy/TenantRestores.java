package io.tenantry.tenancy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;


import io.tenantry.platform.AdvisoryLockKey;
import io.tenantry.platform.UnpooledConnections;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Restores under way, on every instance. A restore is written to the tenant's registry row as a lease
 * ({@link Tenant#restoringUntil()}, {@link #LEASE} ahead, moved on every {@link #RENEW_EVERY} while it
 * runs) and announced, so every instance's {@link TenantFilter} answers the tenant 503 (Retry-After)
 * and {@link TenantDataInterceptor} lets no transaction of it begin, until it ends; an instance that
 * dies mid-restore stops moving the lease, so the tenant is served again within {@link #LEASE}.
 *
 * <p>Every transaction on a tenant's data holds a shared advisory lock on the tenant from its first
 * statement ({@link SchemaRouting}); the restore holds the exclusive one from before it takes its
 * point of the state it replaces until it ends. So it waits for the tenant's transactions already
 * running on any instance (at most {@link #DRAIN}), and one that began before the lease was seen
 * waits for the restore to end instead of writing under it. A request still running without a
 * transaction (an upload being received) does not hold the restore back: it is refused when it comes
 * to write (its tenant's files moved to the restore's folder meanwhile).
 */
@ApplicationScoped
public class TenantRestores {

    /**
     * The call that takes the tenant's shared lock until the transaction ends, its one parameter the
     * lock's key ({@link #lockKeyOf}): every transaction on the tenant's data makes it ({@link SchemaRouting}),
     * and so does one bound to no tenant that writes into a tenant's schema ({@link #holdOff}).
     */
    static final String SHARED_LOCK = "pg_advisory_xact_lock_shared(?)";
    /** The first key of the tenant lock of versions before tenant migration 6.4 (see {@link #awaitOlderInstancesTransactions}). */
    private static final int LEGACY_LOCK_CLASS = 0x20_0019;

    /**
     * The key of the advisory lock on the transactions of the tenant whose schema this is: a digest of
     * its name ({@link AdvisoryLockKey}), which no other schema's name shares, so that no tenant's
     * transactions or restore hold another's.
     */
    public static long lockKeyOf(SchemaName schema) {
        return AdvisoryLockKey.of("tenant-data", schema.value());
    }

    /**
     * Holds a restore of the schema off until the current transaction ends, for a transaction bound to no
     * tenant that writes into the schema (an invitation accepted, an owner admitted, an account's groups
     * left): a restore under way is waited for, and one that begins waits for this transaction, as for the
     * tenant's own transactions. Takes the lock in {@code em}'s transaction (JTA, active).
     */
    public static void holdOff(EntityManager em, SchemaName schema) {
        em.createNativeQuery("SELECT 1 FROM (SELECT " + SHARED_LOCK + ") AS held").setParameter(1, lockKeyOf(schema))
                .getSingleResult();
    }

    /** How long the mark of a restore holds without being moved on. */
    static final Duration LEASE = Duration.ofSeconds(60);
    static final Duration RENEW_EVERY = Duration.ofSeconds(15);
    /** How long a restore waits for the tenant's transactions already running, on every instance. */
    public static final Duration DRAIN = Duration.ofSeconds(30);
    private static final Logger LOG = Logger.getLogger(TenantRestores.class.getName());

    @Inject
    UnpooledConnections connections;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    TenantRegistry registry;

    @Inject
    TenantDirectory directory;

    @Inject
    TenantContext context;

    /** The restores this instance runs, by tenant, with the thread that runs each. */
    private final ConcurrentMap<TenantLabel, Thread> here = new ConcurrentHashMap<>();

    /**
     * Puts the tenant out of service on every instance and waits for its transactions to end, until the
     * handle is closed. Empty when a restore of it is under way already, here or elsewhere; a
     * {@link TenantBusyException} (409) when its transactions do not end within {@link #DRAIN}.
     */
    public Optional<Underway> begin(Tenant tenant) {
        TenantLabel label = tenant.label();
        if (here.putIfAbsent(label, Thread.currentThread()) != null) {
            return Optional.empty();
        }
        Optional<Tenant> leased;
        try {
            leased = registry.leaseRestore(tenant, LEASE);
        } catch (RuntimeException e) {
            here.remove(label);
            throw e;
        }
        if (leased.isEmpty()) {
            here.remove(label);
            return Optional.empty();
        }
        directory.put(leased.get());
        LeaseRenewals renewals = new LeaseRenewals();
        ScheduledFuture<?> renewal = scheduler.scheduleAtFixedRate(() -> renew(tenant, renewals), RENEW_EVERY.toMillis(),
                RENEW_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        Underway lease = () -> {
            renewal.cancel(false); // does not wait for a renewal under way, which the mark keeps from putting
            renewals.end();
            registry.endRestore(tenant).ifPresent(ended -> {
                directory.put(ended);
                context.follow(ended); // the restoring request goes on with the tenant restored
            });
        };
        Connection lock;
        try {
            lock = exclusively(tenant);
        } catch (RuntimeException e) {
            try {
                lease.close();
            } finally {
                here.remove(label);
            }
            throw e;
        }
        // The lease ends first, so that a transaction let go by the lock finds the tenant as restored here.
        return Optional.of(() -> {
            try {
                lease.close();
            } finally {
                release(lock);
                here.remove(label);
            }
        });
    }

    /**
     * Whether a restore holds the tenant out of service now: one this instance runs, or one whose
     * lease on another instance has not run out.
     */
    public boolean isUnderway(Tenant tenant) {
        return here.containsKey(tenant.label()) || tenant.beingRestoredAt(Instant.now());
    }

    /**
     * Whether a restore of the tenant is under way (on this instance by another thread, or on any
     * instance by its lease) and so waits for the tenant's transactions: long work that holds one open
     * (an export streamed to a slow client) asks this as it goes, and gives way. False for the
     * restore's own thread, whose point of what it replaces is such work.
     */
    public boolean awaitsOthers(TenantLabel label) {
        Thread restoring = here.get(label);
        if (restoring != null) {
            return restoring != Thread.currentThread();
        }
        return directory.find(label).map(tenant -> tenant.beingRestoredAt(Instant.now())).orElse(false);
    }

    /** Whether the thread runs the restore of this tenant (its own work goes on). */
    public boolean isRunBy(TenantLabel label, Thread thread) {
        return here.get(label) == thread;
    }

    private void renew(Tenant tenant, LeaseRenewals renewals) {
        if (renewals.ended()) {
            return;
        }
        try {
            // Its update after the end's finds no lease to move; before it, the end's put comes after this one.
            registry.renewRestore(tenant, LEASE).ifPresent(renewed -> renewals.unlessEnded(() -> directory.put(renewed)));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not move on the restore lease of " + tenant.label(), e);
        }
    }

    /**
     * A connection in a transaction holding the tenant's lock exclusively, once its other transactions
     * ended. A connection of its own, outside the pool: the server would hand a pooled one opened on this
     * thread to the restore's own transactions as theirs, and their commits would end the lock.
     */
    private Connection exclusively(Tenant tenant) {
        Connection connection = null;
        try {
            connection = connections.open();
            connection.setAutoCommit(false);
            try (Statement timeout = connection.createStatement()) {
                timeout.execute("SET LOCAL lock_timeout = '" + DRAIN.toMillis() + "ms'");
            }
            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                lock.setLong(1, lockKeyOf(tenant.schema()));
                lock.executeQuery().close();
            }
            awaitOlderInstancesTransactions(connection, tenant);
            return connection;
        } catch (SQLException e) {
            if (connection != null) {
                release(connection);
            }
            if ("55P03".equals(e.getSQLState())) { // lock_not_available: the lock timeout passed
                throw new TenantBusyException(tenant, DRAIN);
            }
            throw new IllegalStateException("Could not wait for the transactions of " + tenant.label(), e);
        }
    }

    /**
     * Waits, at most {@link #DRAIN} in all, until no transaction holds the tenant's lock as instances of
     * versions before tenant migration 6.4 take it (shared, keyed by the schema's hashtext), while such an
     * instance may still run beside this one (a rolling deployment). Only waited for, never held: that key
     * may be a stranger's schema's too, and no instance of this version takes it shared, so no restore or
     * transaction of a stranger's tenant can delay this one. To be dropped once no deployment can run a
     * version before 6.4 beside this one.
     */
    private static void awaitOlderInstancesTransactions(Connection connection, Tenant tenant)
            throws SQLException {
        long deadline = System.nanoTime() + DRAIN.toNanos();
        try (PreparedStatement held = connection.prepareStatement("SELECT 1 FROM pg_locks WHERE locktype = 'advisory' "
                + "AND objsubid = 2 AND classid = " + LEGACY_LOCK_CLASS + " AND objid::bigint = (hashtext(?)::bigint & 4294967295) "
                + "AND mode = 'ShareLock' AND granted")) {
            held.setString(1, tenant.schema().value());
            while (true) {
                try (ResultSet rows = held.executeQuery()) {
                    if (!rows.next()) {
                        return;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new TenantBusyException(tenant, DRAIN);
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new TenantBusyException(tenant, DRAIN);
                }
            }
        }
    }

    private static void release(Connection connection) {
        try (connection) {
            connection.rollback();
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Could not release a restore's lock; closing its connection ends it", e);
        }
    }

    /** A restore under way; closing it puts the tenant back in service everywhere. */
    public interface Underway extends AutoCloseable {
        @Override
        void close();
    }
}
