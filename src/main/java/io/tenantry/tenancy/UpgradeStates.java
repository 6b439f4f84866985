package io.tenantry.tenancy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import io.tenantry.platform.Database;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * The upgrade state of every tenant behind the code, in {@code public.tenant_upgrade}, shared by all
 * instances. Each write announces the tenant ({@link TenantChanges}), so every instance forgets what
 * it remembered of it; a tenant at the code's version costs no query.
 */
@ApplicationScoped
public class UpgradeStates {

    /** The longest wait between two attempts, unless the first wait is already longer. */
    private static final long LONGEST_WAIT_SECONDS = 3_600;
    private static final String BY_LABEL = "(SELECT id FROM public.tenant WHERE label = ?)";

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    @Inject
    TenantSchemaVersion codeVersion;

    private final Map<TenantLabel, UpgradeState> remembered = new ConcurrentHashMap<>();

    /** How many tenants wait or are being upgraded, and which failed (by label), across all instances. */
    public record Summary(int unfinished, List<String> failed) {
    }

    /**
     * Where the tenant's upgrade stands: current when its schema is at the code's version, otherwise
     * what was recorded (pending when nothing was). Read from the database once, then remembered
     * until the tenant is announced as changed.
     */
    public UpgradeState of(Tenant tenant) {
        if (codeVersion.value().equals(tenant.schemaVersion())) {
            return UpgradeState.CURRENT;
        }
        return remembered.computeIfAbsent(tenant.label(), label -> UpgradeState.of(false, recorded(label)));
    }

    void forget(@Observes TenantChanged changed) {
        changed.label().ifPresentOrElse(remembered::remove, remembered::clear);
    }

    /**
     * Records tenants as waiting for an upgrade, in one statement (start-up); one that an instance
     * is upgrading stays running. Not announced: the workers' next writes are.
     */
    public void pending(List<TenantLabel> labels) {
        try (Connection connection = Database.connection(dataSource);
             PreparedStatement insert = connection.prepareStatement("INSERT INTO public.tenant_upgrade (tenant_id, state)"
                     + " SELECT id, 'pending' FROM public.tenant WHERE label = ANY (?) ON CONFLICT (tenant_id)"
                     + " DO UPDATE SET state = 'pending', changed_at = now() WHERE tenant_upgrade.state <> 'running'")) {
            insert.setArray(1, connection.createArrayOf("text", labels.stream().map(TenantLabel::value).toArray()));
            insert.executeUpdate();
            labels.forEach(remembered::remove);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record the tenants waiting for their upgrade", e);
        }
    }

    /** Records that an instance is upgrading the tenant now. */
    public void running(TenantLabel label) {
        write(label, "INSERT INTO public.tenant_upgrade (tenant_id, state) SELECT id, 'running' FROM public.tenant"
                + " WHERE label = ? ON CONFLICT (tenant_id) DO UPDATE SET state = 'running', changed_at = now()",
                label.value());
    }

    /**
     * Records a failed attempt: the next one waits {@code firstWait} after the first failure, twice
     * as long after each further one, at most an hour (or {@code firstWait}, if longer).
     * Gives the state recorded.
     */
    public UpgradeState failed(TenantLabel label, String reason, Duration firstWait) {
        long first = firstWait.toSeconds();
        write(label, "INSERT INTO public.tenant_upgrade (tenant_id, state, reason, attempts, next_attempt_at)"
                + " SELECT id, 'failed', ?, 1, now() + make_interval(secs => ?) FROM public.tenant WHERE label = ?"
                + " ON CONFLICT (tenant_id) DO UPDATE SET state = 'failed', reason = excluded.reason,"
                + " attempts = tenant_upgrade.attempts + 1, changed_at = now(), next_attempt_at = now()"
                + " + make_interval(secs => least(? * power(2, tenant_upgrade.attempts), ?))",
                reason, first, label.value(), first, Math.max(first, LONGEST_WAIT_SECONDS));
        return recorded(label).orElse(UpgradeState.PENDING);
    }

    /** The tenant is at the code's version: nothing more to record. */
    public void current(TenantLabel label) {
        write(label, "DELETE FROM public.tenant_upgrade WHERE tenant_id = " + BY_LABEL, label.value());
    }

    /** Makes a failed tenant's next attempt due now; whether it had failed. */
    public boolean dueNow(TenantLabel label) {
        return write(label, "UPDATE public.tenant_upgrade SET next_attempt_at = now(), changed_at = now()"
                + " WHERE state = 'failed' AND tenant_id = " + BY_LABEL, label.value()) > 0;
    }

    /**
     * Tenants whose upgrade may be taken up now: failed ones whose next attempt is due, and pending
     * or running ones (an instance that stopped mid-way leaves them so; a live one holds their lock).
     */
    public List<TenantLabel> due() {
        List<TenantLabel> labels = new ArrayList<>();
        query("SELECT t.label FROM public.tenant_upgrade u JOIN public.tenant t ON t.id = u.tenant_id"
                + " WHERE u.state <> 'failed' OR u.next_attempt_at <= now() ORDER BY u.changed_at", rows -> {
                    labels.add(new TenantLabel(rows.getString(1)));
                });
        return labels;
    }

    /**
     * Whether the tenant's upgrade may be tried now, as the database has it (not what this instance
     * remembers): unless it failed and its next attempt is still to come. An instance that queued a
     * tenant while it was running elsewhere asks this under the tenant's lock, so that a failure it
     * did not see is not tried again before its back-off says.
     */
    public boolean isDue(TenantLabel label) {
        boolean[] due = {true};
        query("SELECT false FROM public.tenant_upgrade WHERE state = 'failed' AND next_attempt_at > now()"
                + " AND tenant_id = " + BY_LABEL, rows -> due[0] = rows.getBoolean(1), label.value());
        return due[0];
    }

    /** What readiness tells: tenants waiting or being upgraded, and those that failed. */
    public Summary summary() {
        int[] unfinished = {0};
        List<String> failed = new ArrayList<>();
        query("SELECT u.state, t.label FROM public.tenant_upgrade u JOIN public.tenant t ON t.id = u.tenant_id"
                + " ORDER BY t.label", rows -> {
                    if ("failed".equals(rows.getString(1))) {
                        failed.add(rows.getString(2));
                    } else {
                        unfinished[0]++;
                    }
                });
        return new Summary(unfinished[0], failed);
    }

    private Optional<UpgradeState> recorded(TenantLabel label) {
        List<UpgradeState> found = new ArrayList<>();
        query("SELECT u.state, u.reason, u.attempts, u.next_attempt_at FROM public.tenant_upgrade u"
                + " WHERE u.tenant_id = " + BY_LABEL, rows -> {
                    Timestamp next = rows.getTimestamp(4);
                    found.add(new UpgradeState(UpgradeState.Phase.of(rows.getString(1)),
                            rows.getString(2), rows.getInt(3),
                            Optional.ofNullable(next).map(Timestamp::toInstant)));
                }, label.value());
        return found.stream().findFirst();
    }

    /** Runs one change and announces the tenant to every instance (this one included). */
    private int write(TenantLabel label, String sql, Object... parameters) {
        try (Connection connection = Database.connection(dataSource);
             PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            int changed = statement.executeUpdate();
            remembered.remove(label);
            TenantChanges.announce(connection, label);
            return changed;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record the upgrade state of " + label, e);
        }
    }

    private interface RowReader {
        void read(ResultSet rows) throws SQLException;
    }

    private void query(String sql, RowReader reader, Object... parameters) {
        try (Connection connection = Database.connection(dataSource);
             PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    reader.read(rows);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the tenants' upgrade states", e);
        }
    }

    private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
    }
}
