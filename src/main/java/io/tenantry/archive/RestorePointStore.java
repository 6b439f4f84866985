package io.tenantry.archive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import io.tenantry.accounts.TooManyAttemptsException;
import io.tenantry.files.StoredElsewhere;
import io.tenantry.platform.Database;
import io.tenantry.tenancy.Tenant;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The rows of {@code public.restore_point} (what each point holds) and of
 * {@code public.restore_point_day} (which day's scheduled point was claimed), each read and written
 * for one tenant by its id: a point of another tenant is never found. Points are known by their number
 * in their tenant's own count ({@code public.restore_point_counter}: 1, 2, …), never by the row's
 * platform-wide id, whose gaps would tell a tenant how many points all others took. A point's file is
 * moved into place in the transaction that inserts its row, and removed after the transaction that
 * deletes it.
 */
@ApplicationScoped
public class RestorePointStore implements StoredElsewhere {

    /** Points a tenant may take by hand in an hour. */
    static final int MANUAL_PER_HOUR = 3;

    private static final String COLUMNS = "number, taken_at, size_bytes, format, schema_version, reason";

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    @Inject
    RestorePointFolder folder;

    /**
     * Records the archive written to {@code part} as a point of the tenant and moves it into place;
     * the part is removed if either fails, so a point is either listed with its file or not at all.
     */
    RestorePoint record(Tenant tenant, Path part, String reason, int format, String schemaVersion) {
        try (Connection connection = Database.connection(dataSource)) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO public.restore_point (tenant_id, "
                    + "number, size_bytes, format, schema_version, reason) VALUES (?, ?, ?, ?, ?, ?) RETURNING " + COLUMNS
                    + ", file_key")) {
                insert.setLong(1, tenant.id());
                insert.setLong(2, nextNumber(connection, tenant));
                insert.setLong(3, Files.size(part));
                insert.setInt(4, format);
                insert.setString(5, schemaVersion);
                insert.setString(6, reason);
                RestorePoint point;
                UUID fileKey;
                try (ResultSet row = insert.executeQuery()) {
                    row.next();
                    point = pointOf(tenant, row);
                    fileKey = row.getObject(7, UUID.class);
                }
                folder.place(part, tenant.id(), fileKey);
                connection.commit();
                return point;
            } catch (SQLException | IOException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record a restore point of " + tenant.label(), e);
        } catch (IOException e) {
            throw new IllegalStateException("Could not keep a restore point of " + tenant.label(), e);
        } finally {
            folder.delete(part);
        }
    }

    /**
     * The tenant's next point number, in the recording transaction: the counter's row stays locked
     * until it ends, so two points of one tenant never take the same number, whichever instance takes them.
     */
    private static long nextNumber(Connection connection, Tenant tenant) throws SQLException {
        try (PreparedStatement next = connection.prepareStatement("INSERT INTO public.restore_point_counter AS c "
                + "(tenant_id, last) VALUES (?, 1) ON CONFLICT (tenant_id) DO UPDATE SET last = c.last + 1 RETURNING last")) {
            next.setLong(1, tenant.id());
            try (ResultSet row = next.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /** The bytes of the tenant's points, counted against its storage limit. */
    @Override
    public long bytesOf(Tenant tenant) {
        try (Connection connection = Database.connection(dataSource);
             PreparedStatement select = connection.prepareStatement("SELECT coalesce(sum(size_bytes), 0) FROM "
                     + "public.restore_point WHERE tenant_id = ?")) {
            select.setLong(1, tenant.id());
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the restore points of " + tenant.label(), e);
        }
    }

    /** The tenant's points, newest first. */
    List<RestorePoint> of(Tenant tenant) {
        List<RestorePoint> points = new ArrayList<>();
        try (Connection connection = Database.connection(dataSource);
             PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                     + " FROM public.restore_point WHERE tenant_id = ? ORDER BY taken_at DESC, number DESC")) {
            select.setLong(1, tenant.id());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    points.add(pointOf(tenant, rows));
                }
            }
            return points;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the restore points of " + tenant.label(), e);
        }
    }

    /** The tenant's point of this number; empty when the tenant has none of that number (another tenant's has no meaning here). */
    Optional<RestorePoint> find(Tenant tenant, long number) {
        return of(tenant).stream().filter(point -> point.id() == number).findFirst();
    }

    /** The file of the tenant's point {@code number}; empty when the tenant has no point of that number. */
    Optional<Path> fileOf(Tenant tenant, long number) {
        try (Connection connection = Database.connection(dataSource);
             PreparedStatement select = connection.prepareStatement("SELECT file_key FROM public.restore_point "
                     + "WHERE tenant_id = ? AND number = ?")) {
            select.setLong(1, tenant.id());
            select.setLong(2, number);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(folder.of(tenant.id(), row.getObject(1, UUID.class))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the restore points of " + tenant.label(), e);
        }
    }

    /**
     * Removes all but the tenant's {@code keep} newest points of {@code reason}, rows first, then their
     * files, and answers the numbers removed. By reason: points taken by hand never push out the scheduled
     * ones or those taken before a restore.
     */
    List<Long> prune(Tenant tenant, String reason, int keep) {
        List<Long> removed = new ArrayList<>();
        List<UUID> files = new ArrayList<>();
        try (Connection connection = Database.connection(dataSource);
             PreparedStatement delete = connection.prepareStatement("DELETE FROM public.restore_point WHERE id IN ("
                     + "SELECT id FROM public.restore_point WHERE tenant_id = ? AND reason = ? "
                     + "ORDER BY taken_at DESC, id DESC OFFSET ?) RETURNING number, file_key")) {
            delete.setLong(1, tenant.id());
            delete.setString(2, reason);
            delete.setInt(3, keep);
            try (ResultSet rows = delete.executeQuery()) {
                while (rows.next()) {
                    removed.add(rows.getLong(1));
                    files.add(rows.getObject(2, UUID.class));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not remove old restore points of " + tenant.label(), e);
        }
        files.forEach(key -> folder.delete(folder.of(tenant.id(), key)));
        return removed;
    }

    /**
     * Refuses ({@link TooManyAttemptsException}, 429 with Retry-After) a point by hand when the tenant
     * took {@link #MANUAL_PER_HOUR} by hand in the last hour: each is a whole copy of the tenant on disk.
     */
    void requireRoomForManual(Tenant tenant) {
        try (Connection connection = Database.connection(dataSource);
             PreparedStatement select = connection.prepareStatement("SELECT count(*), min(taken_at) FROM "
                     + "public.restore_point WHERE tenant_id = ? AND reason = 'manual' "
                     + "AND taken_at > now() - interval '1 hour'")) {
            select.setLong(1, tenant.id());
            try (ResultSet row = select.executeQuery()) {
                row.next();
                if (row.getInt(1) >= MANUAL_PER_HOUR) {
                    Duration wait = Duration.between(Instant.now(), row.getTimestamp(2).toInstant().plus(Duration.ofHours(1)));
                    throw new TooManyAttemptsException("restore.tooManyByHand", wait.isNegative() ? Duration.ofMinutes(1) : wait,
                            MANUAL_PER_HOUR);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the restore points of " + tenant.label(), e);
        }
    }

    /**
     * Claims the tenant's scheduled point of {@code day} for this instance: true for the one
     * instance whose statement changed the row (none had claimed that day), false for all others.
     */
    boolean claim(Tenant tenant, LocalDate day) {
        try (Connection connection = Database.connection(dataSource);
             PreparedStatement claim = connection.prepareStatement("INSERT INTO public.restore_point_day (tenant_id, day) "
                     + "VALUES (?, ?) ON CONFLICT (tenant_id) DO UPDATE SET day = excluded.day "
                     + "WHERE restore_point_day.day < excluded.day")) {
            claim.setLong(1, tenant.id());
            claim.setDate(2, Date.valueOf(day));
            return claim.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not claim the restore point of " + tenant.label(), e);
        }
    }

    /** Gives back the tenant's claim on {@code day}, so that its point of that day is taken at a later look. */
    void release(Tenant tenant, LocalDate day) {
        try (Connection connection = Database.connection(dataSource);
             PreparedStatement release = connection.prepareStatement("UPDATE public.restore_point_day "
                     + "SET day = day - 1 WHERE tenant_id = ? AND day = ?")) {
            release.setLong(1, tenant.id());
            release.setDate(2, Date.valueOf(day));
            release.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not give back the restore point claim of " + tenant.label(), e);
        }
    }

    private static RestorePoint pointOf(Tenant tenant, ResultSet row) throws SQLException {
        return new RestorePoint(row.getLong(1), tenant.label().value(), row.getTimestamp(2).toInstant(), row.getLong(3),
                row.getInt(4), row.getString(5), row.getString(6));
    }
}
