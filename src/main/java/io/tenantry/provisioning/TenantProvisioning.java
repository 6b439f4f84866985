package io.tenantry.provisioning;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Logger;

import io.micrometer.core.instrument.Timer;
import io.tenantry.files.TenantFiles;
import io.tenantry.migration.SchemaMigrations;
import io.tenantry.platform.BrokenRuleException;
import io.tenantry.platform.Meters;
import io.tenantry.platform.SingleLine;
import io.tenantry.tenancy.SchemaName;
import io.tenantry.tenancy.Tenant;
import io.tenantry.tenancy.TenantDeleted;
import io.tenantry.tenancy.TenantDirectory;
import io.tenantry.tenancy.TenantLabel;
import io.tenantry.tenancy.TenantRequests;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionalException;

/**
 * Creates and deletes tenants. Name rules are checked here (the label by {@link TenantCreation}),
 * the schema and the registry row change together in {@link TenantSchemas}, and the directory learns
 * of it only after commit. A new tenant gets a folder of files no tenant had
 * ({@link TenantFiles#newFolderName()}); a deleted one's goes with the deletion's commit
 * ({@link io.tenantry.files.FolderRemoval}, observing {@link TenantDeleted}). Each creation is timed
 * in the metrics ({@code tenantry_tenant_creations_seconds}, by path, outcome and how the schema came:
 * a ready one renamed, built for it, or migrated; none when it failed).
 */
@ApplicationScoped
public class TenantProvisioning {

    private static final Logger LOG = Logger.getLogger(TenantProvisioning.class.getName());
    private static final String STAGING_PREFIX = "_staging_";
    /** The outcomes of {@code tenantry_tenant_creations_seconds}. */
    private static final String CREATED = "created";
    private static final String FAILED = "failed";
    /** How a creation got its schema ({@code schema} of {@code tenantry_tenant_creations_seconds}). */
    private static final String READY = "ready";
    private static final String BUILT = "built";
    private static final String MIGRATED = "migrated";
    private static final String NONE = "none";
    private static final int MAX_NAME_LENGTH = 200;
    /** How long a deletion lets the requests already inside the tenant (on this instance) finish. */
    static final Duration DRAIN = Duration.ofSeconds(5);

    @Inject
    TenantSchemas schemas;

    @Inject
    SchemaMigrations migrations;

    @Inject
    TenantDirectory directory;

    @Inject
    TenantFiles files;

    @Inject
    TenantRequests requests;

    @Inject
    TenantSessions sessions;

    @Inject
    ReadySchemas readySchemas;

    @Inject
    Meters meters;


    /**
     * Creates a tenant whose label was read by {@link TenantLabel#forNewTenant} (only
     * {@code access.TenantCreation} does, the one way to create a tenant on request): refuses a name
     * against the rules (400) and a label taken (409). {@code alongside} writes the creator's own
     * tables for the tenant inside the creation's transaction (see {@link TenantSchemas#createFromTemplate}).
     */
    public Tenant create(TenantLabel label, String name, ProvisioningPath path, Consumer<Tenant> alongside) {
        return createChecked(label, requireName(name), path, alongside);
    }

    /**
     * Gives the tenant a new name over {@code before}, the tenant as the caller read it, in the
     * caller's transaction if there is one; the label, and so the address and schema, never change.
     * Refuses a name against the rules (400) and a tenant renamed meanwhile (409). The directory
     * holds the new name at once: a caller whose transaction then rolls back calls
     * {@link TenantDirectory#refresh}.
     */
    public Tenant rename(Tenant before, String name) {
        Tenant renamed = schemas.rename(before, requireName(name));
        directory.put(renamed);
        return renamed;
    }

    /**
     * Creates the public tenant on first boot; does nothing when it exists (on any instance).
     * {@code alongside} as for {@link #create}.
     */
    public void ensurePublicTenant(Consumer<Tenant> alongside) {
        if (directory.find(TenantLabel.PUBLIC).isEmpty()) {
            try {
                createChecked(TenantLabel.PUBLIC, "Public", ProvisioningPath.CLONE, alongside);
            } catch (TenantConflictException createdByAnotherInstance) {
                directory.find(TenantLabel.PUBLIC);
            }
        }
    }

    /**
     * Deletes a tenant, all or nothing, files included. It first takes the tenant out of service on
     * every instance (its host answers 404), lets the requests already inside this instance finish
     * (at most {@link #DRAIN}), ends the database sessions still working in its schema, then drops
     * row and schema together; its folder goes after that commit (or at the next start-up, should
     * the server stop in between). Refuses the public tenant (400), an unknown label (404), and,
     * putting the tenant back in service, a schema that stays locked ({@link TenantBusyException},
     * 409). A deletion interrupted by a crash is finished at start-up ({@link #finishDeletion}).
     */
    public void delete(String label) {
        if (!TenantLabel.isWellFormed(label)) {
            throw new UnknownTenantException(label);
        }
        TenantLabel tenantLabel = new TenantLabel(label);
        if (tenantLabel.equals(TenantLabel.PUBLIC)) {
            throw new BrokenRuleException("tenant.publicNotDeletable");
        }
        Tenant tenant = directory.find(tenantLabel).orElseThrow(() -> new UnknownTenantException(tenantLabel));
        // Only one deletion takes the tenant out of service; any other, here or on another instance, is told so.
        Tenant leaving = schemas.markBeingDeleted(tenant, true).orElseThrow(() -> {
            directory.refresh(tenantLabel);
            return directory.find(tenantLabel).<RuntimeException>map(stillThere -> TenantBusyException.beingDeleted(tenantLabel))
                    .orElseGet(() -> new UnknownTenantException(tenantLabel));
        });
        directory.put(leaving);
        try {
            requests.awaitNone(tenantLabel, DRAIN);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            dropEndingSessions(leaving);
        } catch (TenantBusyException busy) {
            schemas.markBeingDeleted(leaving, false).ifPresent(directory::put);
            throw busy;
        }
    }

    /** Completes the deletion of a tenant found out of service at start-up: its deletion was interrupted. */
    public void finishDeletion(Tenant leaving) {
        dropEndingSessions(leaving);
    }

    private void dropEndingSessions(Tenant leaving) {
        try {
            schemas.drop(leaving);
        } catch (TenantBusyException busy) {
            sessions.endThoseWorkingIn(leaving.schema());
            schemas.drop(leaving);
        } catch (UnknownTenantException goneMeanwhile) {
            LOG.info("Tenant " + leaving.label() + " was deleted meanwhile, by another request or instance");
        } finally {
            directory.refresh(leaving.label());
        }
        LOG.info("Deleted tenant " + leaving.label() + " and its schema " + leaving.schema()
                + "; its folder " + leaving.filesFolder() + " goes with the commit (files.FolderRemoval)");
    }

    /** Drops staging schemas left by a migrate-path creation that crashed more than an hour ago. */
    public void dropAbandonedStagingSchemas() {
        long cutoff = Instant.now().minus(1, ChronoUnit.HOURS).getEpochSecond();
        for (String schema : migrations.schemasStartingWith(STAGING_PREFIX)) {
            String[] parts = schema.substring(STAGING_PREFIX.length()).split("_");
            if (parts.length == 2 && parts[0].matches("[0-9]+") && Long.parseLong(parts[0]) < cutoff) {
                migrations.execute("DROP SCHEMA IF EXISTS " + new SchemaName(schema).quoted() + " CASCADE");
                LOG.warning("Dropped abandoned staging schema " + schema);
            }
        }
    }

    private Tenant createChecked(TenantLabel label, String name, ProvisioningPath path, Consumer<Tenant> alongside) {
        if (directory.find(label).isPresent()) {
            throw new TenantConflictException(label);
        }
        long started = System.nanoTime();
        Tenant tenant;
        String schema = NONE;
        try {
            if (path == ProvisioningPath.CLONE) {
                TenantSchemas.Created created = schemas.createFromTemplate(label, name, migrations.tenantVersion(),
                        files.newFolderName(), alongside);
                tenant = created.tenant();
                schema = created.fromReadySchema() ? READY : BUILT;
            } else {
                tenant = createByMigration(label, name, alongside);
                schema = MIGRATED;
            }
        } catch (TransactionalException e) {
            throw unwrap(e);
        } finally {
            Timer.builder("tenantry.tenant.creations").description("Tenant creations and how long they took")
                    .tag("path", path.name().toLowerCase(Locale.ROOT)).tag("outcome", schema.equals(NONE) ? FAILED : CREATED)
                    .tag("schema", schema).register(meters.registry()).record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
        directory.put(tenant);
        if (path == ProvisioningPath.CLONE) {
            readySchemas.requestRefill();
        }
        String how = schema;
        LOG.info(() -> "Created tenant " + label + " (" + path + ") in " + (System.nanoTime() - started) / 1_000_000
                + " ms, its schema " + how);
        return tenant;
    }

    private Tenant createByMigration(TenantLabel label, String name, Consumer<Tenant> alongside) {
        SchemaName staging = new SchemaName(STAGING_PREFIX + Instant.now().getEpochSecond() + "_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
        migrations.createForMigrations(staging);
        try {
            return schemas.adoptStaged(staging, label, name, migrations.migrate(staging), files.newFolderName(),
                    alongside);
        } catch (Exception e) { // Exception: on WildFly a failed commit's RollbackException comes through @Transactional as it is, checked
            migrations.execute("DROP SCHEMA IF EXISTS " + staging.quoted() + " CASCADE");
            throw e;
        }
    }

    private static String requireName(String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty()) {
            throw BrokenRuleException.onField("name", "tenant.nameEmpty");
        }
        if (trimmed.length() > MAX_NAME_LENGTH) {
            throw BrokenRuleException.onField("name", "tenant.nameLength", trimmed.length(), MAX_NAME_LENGTH);
        }
        return SingleLine.require("name", trimmed);
    }

    /** A failure at commit arrives wrapped by the transaction interceptor; callers want the cause. */
    private static RuntimeException unwrap(TransactionalException e) {
        Throwable cause = e.getCause();
        while (cause != null) {
            if (cause instanceof TenantConflictException conflict) {
                return conflict;
            }
            cause = cause.getCause();
        }
        return new IllegalStateException("The tenant could not be created; nothing was kept: " + rootMessage(e), e);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
