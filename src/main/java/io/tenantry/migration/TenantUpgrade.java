package io.tenantry.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.tenantry.platform.AdvisoryLockKey;
import io.tenantry.platform.Database;
import io.tenantry.platform.Meters;
import io.tenantry.platform.Roles;
import io.tenantry.tenancy.Tenant;
import io.tenantry.tenancy.TenantDirectory;
import io.tenantry.tenancy.TenantLabel;
import io.tenantry.tenancy.TenantRegistry;
import io.tenantry.tenancy.UpgradeOnRequest;
import io.tenantry.tenancy.UpgradeState;
import io.tenantry.tenancy.UpgradeStates;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;

/**
 * Brings tenants whose schema is behind the code up to date, in the background with at most
 * MIGRATION_THREADS workers, so start-up does not grow with the number of tenants. A request for a
 * tenant still waiting puts that tenant first in the queue and waits for it ({@link #awaitCurrent}: at
 * most {@value #WAITING_REQUESTS} requests of an instance at once); a request that cannot wait, or
 * whose tenant failed, gets 503 with the tenant's {@link UpgradeState} (see TenantFilter). Only a
 * schema behind the code is upgraded: one ahead of it (a newer instance's work, during a rolling
 * deployment) is left as it is, and its tenant answers 503 here. A tenant whose
 * upgrade fails is recorded with the reason and tried again after UPGRADE_RETRY_SECONDS, then twice
 * as long each time (at most an hour), by whichever instance gets to it first; a super-user can have
 * it tried at once ({@link #retryNow}); its requests never do, and a worker asks the database under the
 * tenant's lock whether a failure recorded elsewhere is due yet ({@code UpgradeStates.isDue}). A PostgreSQL advisory lock per tenant, held by a transaction,
 * keeps two instances from upgrading one tenant together, and goes with the transaction if an
 * instance dies mid-way.
 */
@ApplicationScoped
public class TenantUpgrade implements UpgradeOnRequest {

    private static final Logger LOG = Logger.getLogger(TenantUpgrade.class.getName());
    /** The application's name for the server's upgrade executor (WEB-INF/web.xml maps it). */
    static final String UPGRADE_EXECUTOR = "java:app/concurrent/tenantry-upgrades";
    /** How often each instance looks for upgrades that are due (failed ones, abandoned ones). */
    private static final long SWEEP_SECONDS = 5;
    /** The kind of the advisory locks this class takes, one per tenant label ({@link AdvisoryLockKey}). */
    private static final String LOCK_KIND = "tenant-upgrade";
    /** The first key of the upgrade lock of versions before tenant migration 6.4 (see {@link #tryLock}). */
    private static final int LEGACY_LOCK_SPACE = 0x54555047;
    /**
     * Requests of this instance that may wait for their tenant's upgrade at once, whatever their
     * tenants: each holds one of the server's request threads (WildFly's default: 16 per core), so
     * a burst for many waiting tenants never takes them all; the rest are answered 503 at once.
     */
    static final int WAITING_REQUESTS = 8;
    /**
     * How long a waiting request sleeps before it looks at its tenant again. The end of an upgrade on
     * this instance wakes it sooner; one on another instance reaches it only through the directory
     * ({@code TenantChanges}), and a wake-up between its look and its sleep would be missed.
     */
    private static final long LOOK_AGAIN_MILLIS = 20;

    @Inject
    SchemaMigrations migrations;

    @Inject
    TenantRegistry registry;

    @Inject
    TenantDirectory directory;

    @Inject
    UpgradeStates states;

    @Inject
    SecurityContext security;

    @Inject
    Meters meters;

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    /** The server's executor for upgrades (payara-config/, wildfly-config/): MIGRATION_THREADS run there at once. */
    @Resource(lookup = UPGRADE_EXECUTOR)
    ManagedExecutorService executor;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "migration.threads", defaultValue = "4")
    int threads;

    @Inject
    @ConfigProperty(name = "upgrade.retry.seconds", defaultValue = "30")
    String retrySeconds;

    private final Set<TenantLabel> underway = ConcurrentHashMap.newKeySet();
    private final ConcurrentLinkedDeque<TenantLabel> queue = new ConcurrentLinkedDeque<>();
    /** Tenants a request put first: their log line says so. */
    private final Set<TenantLabel> askedFor = ConcurrentHashMap.newKeySet();
    private final Semaphore waiting = new Semaphore(WAITING_REQUESTS);
    /** Notified whenever an upgrade of this instance ends, so that waiting requests look again. */
    private final Object ended = new Object();
    private final AtomicInteger done = new AtomicInteger();
    private int workers;
    private ScheduledFuture<?> sweeping;

    /**
     * Upgrade progress for the metrics: {@code tenantry_tenant_upgrades_total{outcome}}, the upgrades
     * this instance finished (upgraded) or saw fail; {@code tenantry_tenant_upgrades_queued}, the
     * tenants waiting for one of its workers; and {@code tenantry_tenant_upgrade_waits_total{outcome}},
     * the requests that waited for their tenant's upgrade: served, or answered 503 because
     * {@value #WAITING_REQUESTS} waited already (busy), the wait ran out (timeout) or the upgrade failed. Tenants upgrading or failed on any instance are in
     * {@code tenantry_tenants{state}}.
     */
    @PostConstruct
    void registerMeters() {
        MeterRegistry registry = meters.registry();
        Gauge.builder("tenantry.tenant.upgrades.queued", queue, ConcurrentLinkedDeque::size)
                .description("Tenants waiting for an upgrade worker of this instance").strongReference(true)
                .register(registry);
        registry.counter("tenantry.tenant.upgrades", "outcome", "upgraded");
        registry.counter("tenantry.tenant.upgrades", "outcome", "failed");
        for (String outcome : new String[] {"served", "busy", "timeout", "failed"}) {
            registry.counter("tenantry.tenant.upgrade.waits", "outcome", outcome);
        }
    }

    /**
     * The wait after a tenant's first failed upgrade, from UPGRADE_RETRY_SECONDS (a whole number of
     * seconds, at least 1); an {@link IllegalStateException} naming the variable otherwise.
     */
    public Duration firstRetry() {
        try {
            long seconds = Long.parseLong(retrySeconds.strip());
            if (seconds >= 1) {
                return Duration.ofSeconds(seconds);
            }
        } catch (NumberFormatException notANumber) {
            // said below
        }
        throw new IllegalStateException("UPGRADE_RETRY_SECONDS is '" + retrySeconds + "', not a whole number of seconds"
                + " from 1. Set it, for example UPGRADE_RETRY_SECONDS=30, or leave it unset.");
    }

    /** Starts upgrading the tenants behind {@code version}, and the sweep for due retries; returns at once. */
    public void start(String version) {
        // Only those behind: a schema ahead of this code is a newer instance's work (a rolling deployment).
        List<Tenant> behind = directory.all().stream().filter(t -> migrations.isBehind(t.schemaVersion())).toList();
        startSweeping();
        if (behind.isEmpty()) {
            LOG.info("Every tenant schema is at version " + version);
            return;
        }
        LOG.info(behind.size() + " tenant schema(s) behind version " + version + "; upgrading with "
                + threads + " worker(s)");
        List<TenantLabel> labels = behind.stream().map(Tenant::label).toList();
        states.pending(labels);
        labels.forEach(this::enqueue);
    }

    /**
     * Has a tenant's upgrade tried again now, on this instance, whatever its back-off says. Only a
     * super-user may: its callers ({@code admin.TenantCatalog}, {@code api.TenantsResource}) refuse
     * anyone else in words; this service checks the caller's role again and fails closed
     * ({@link IllegalStateException}) should a caller ever forget. Gives the state then: pending, or
     * current when there is nothing to do.
     */
    public UpgradeState retryNow(Tenant tenant) {
        if (!security.isCallerInRole(Roles.SUPER_USER)) {
            throw new IllegalStateException("Only a super-user has an upgrade retried now; the caller did not check");
        }
        UpgradeState state = states.of(tenant);
        if (state.phase() == UpgradeState.Phase.CURRENT || state.phase() == UpgradeState.Phase.RUNNING
                || !migrations.isBehind(tenant.schemaVersion())) {
            return state;
        }
        states.dueNow(tenant.label());
        LOG.info("Tenant " + tenant.label() + ": upgrade retried now by " + security.getCallerPrincipal().getName());
        enqueue(tenant.label());
        return UpgradeState.PENDING;
    }

    /** Tenants this instance brought up to date since it started. */
    public int done() {
        return done.get();
    }

    private synchronized void startSweeping() {
        if (sweeping == null) {
            sweeping = scheduler.scheduleWithFixedDelay(this::sweep, SWEEP_SECONDS, SWEEP_SECONDS, TimeUnit.SECONDS);
        }
    }

    @PreDestroy
    synchronized void stop() {
        if (sweeping != null) {
            sweeping.cancel(false);
        }
    }

    private void sweep() {
        try {
            states.due().forEach(this::enqueue);
        } catch (Exception e) { // Exception: on WildFly a failed commit's RollbackException comes through @Transactional as it is, checked
            LOG.log(Level.WARNING, "Could not look for tenant upgrades that are due; looking again in "
                    + SWEEP_SECONDS + " s", e);
        }
    }

    @Override
    public Optional<Tenant> awaitCurrent(Tenant tenant, Duration patience) throws InterruptedException {
        if (!migrations.isBehind(tenant.schemaVersion())) {
            return Optional.empty();
        }
        if (!waiting.tryAcquire()) {
            countWait("busy");
            return Optional.empty();
        }
        try {
            putFirst(tenant.label());
            String version = migrations.tenantVersion();
            long deadline = System.nanoTime() + patience.toNanos();
            while (true) {
                Optional<Tenant> now = directory.find(tenant.label()).filter(found -> !found.beingDeleted());
                if (now.isEmpty()) {
                    countWait("failed"); // gone, or its deletion began
                    return now;
                }
                if (version.equals(now.get().schemaVersion())) {
                    countWait("served");
                    return now;
                }
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    countWait("timeout");
                    return Optional.empty();
                }
                if (states.of(now.get()).failed()) {
                    countWait("failed");
                    return Optional.empty();
                }
                synchronized (ended) {
                    ended.wait(Math.min(left, LOOK_AGAIN_MILLIS));
                }
            }
        } finally {
            waiting.release();
        }
    }

    private void countWait(String outcome) {
        meters.registry().counter("tenantry.tenant.upgrade.waits", "outcome", outcome).increment();
    }

    /**
     * Moves the tenant to the head of the queue, or puts it there; nothing when a worker of this
     * instance has it already. Its lock decides, as for any upgrade, if another instance is on it.
     */
    private void putFirst(TenantLabel label) {
        if (!underway.add(label) && !queue.remove(label)) {
            return; // a worker has it
        }
        askedFor.add(label);
        queue.addFirst(label);
        startWorkers();
    }

    /** Queues the tenant unless this instance has it queued or running already; starts workers as needed. */
    private void enqueue(TenantLabel label) {
        if (underway.add(label)) {
            queue.add(label);
        }
        startWorkers();
    }

    private void startWorkers() {
        synchronized (this) {
            while (workers < threads && workers < queue.size()) {
                workers++;
                executor.submit(this::work);
            }
        }
    }

    private void work() {
        boolean queueEmpty = false;
        try {
            while (!queueEmpty) {
                TenantLabel label = queue.poll();
                if (label == null) {
                    synchronized (this) {
                        if (queue.isEmpty()) {
                            workers--;
                            queueEmpty = true;
                        }
                    }
                    continue;
                }
                try {
                    upgrade(label);
                } finally {
                    underway.remove(label);
                    askedFor.remove(label);
                    synchronized (ended) {
                        ended.notifyAll();
                    }
                }
            }
        } finally {
            if (!queueEmpty) { // an Error ended this worker: another takes its place, or the queue would stall
                synchronized (this) {
                    workers--;
                }
                startWorkers();
            }
        }
    }

    private void upgrade(TenantLabel label) {
        try (Connection lock = Database.connection(dataSource)) {
            lock.setAutoCommit(false);
            try {
                if (tryLock(lock, label)) {
                    registry.find(label).ifPresent(this::upgrade);
                } // else another instance is on it, and announces the outcome
            } finally {
                lock.rollback(); // ends the transaction, and the lock with it
                lock.setAutoCommit(true);
            }
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "Could not take up the upgrade of tenant " + label + "; the sweep tries again", e);
        }
    }

    /** Under the tenant's lock, with the tenant as the registry has it now. */
    private void upgrade(Tenant tenant) {
        if (migrations.tenantVersion().equals(tenant.schemaVersion())) {
            states.current(tenant.label()); // upgraded meanwhile, by another instance
            directory.refresh(tenant.label()); // read again: a put would win over a newer read under way
            return;
        }
        if (!migrations.isBehind(tenant.schemaVersion()) || tenant.beingDeleted()) {
            return; // upgraded meanwhile by a newer instance (its version is not this code's to record), or leaving
        }
        if (!states.isDue(tenant.label())) {
            return; // failed on another worker or instance since it was queued here: its back-off decides
        }
        states.running(tenant.label());
        try {
            SchemaMigrations.Upgraded upgraded = migrations.upgrade(tenant.schema());
            String version = upgraded.version();
            registry.recordVersion(tenant.label(), version); // every instance re-reads the tenant
            states.current(tenant.label());
            directory.refresh(tenant.label()); // as the registry has it now: a deletion may have begun meanwhile
            done.incrementAndGet();
            meters.registry().counter("tenantry.tenant.upgrades", "outcome", "upgraded").increment();
            LOG.info("Upgraded tenant " + tenant.label() + " to version " + version + " (" + upgraded.how()
                    + (askedFor.contains(tenant.label()) ? ", ahead of its turn for a request" : "") + ")");
        } catch (Exception e) { // Exception: on WildFly a failed commit's RollbackException comes through @Transactional as it is, checked
            meters.registry().counter("tenantry.tenant.upgrades", "outcome", "failed").increment();
            UpgradeState failed = states.failed(tenant.label(), reasonOf(e), firstRetry());
            LOG.log(Level.SEVERE, "Could not migrate tenant " + tenant.label() + " (attempt " + failed.attempts()
                    + "): " + failed.reason() + " It stays unavailable; next attempt at "
                    + failed.nextAttempt().map(Object::toString).orElse("the next start"), e);
        }
    }

    /** The first line of the failure's message, at most 300 characters: what the 503 page and readiness show. */
    static String reasonOf(Throwable failure) {
        String message = Optional.ofNullable(failure.getMessage()).orElse(failure.getClass().getSimpleName()).strip();
        String line = message.lines().findFirst().orElse("").strip();
        return line.length() <= 300 ? line : line.substring(0, 299) + "…";
    }

    /**
     * The key of the advisory lock an instance holds while it upgrades the tenant ({@link AdvisoryLockKey}):
     * whoever holds it in a transaction keeps every instance from upgrading the tenant until it ends.
     */
    public static long lockKeyOf(TenantLabel label) {
        return AdvisoryLockKey.of(LOCK_KIND, label.value());
    }

    /**
     * The tenant's lock for the connection's transaction, if no other transaction holds it; with it, while
     * instances of versions before tenant migration 6.4 may still run (a rolling deployment), the lock they
     * take, keyed by the label's {@code hashtext}: without it an older instance could upgrade the tenant at
     * once, and record its older version after this one recorded the newer. That key may be a stranger's
     * label's too, which at worst puts this upgrade off to the next sweep. To be dropped once no deployment
     * can run a version before 6.4 beside this one.
     */
    private static boolean tryLock(Connection connection, TenantLabel label) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT pg_try_advisory_xact_lock(?) AND pg_try_advisory_xact_lock(" + LEGACY_LOCK_SPACE + ", hashtext(?))")) {
            statement.setLong(1, lockKeyOf(label));
            statement.setString(2, label.value());
            try (ResultSet row = statement.executeQuery()) {
                return row.next() && row.getBoolean(1);
            }
        }
    }
}
