package io.tenantry.access;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

import javax.sql.DataSource;

import io.tenantry.platform.Database;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Access's table of tenants' terms, {@code public.tenant_terms} (one row per tenant, by its id, gone
 * with the tenant's registry row), read and written with plain SQL.
 */
@ApplicationScoped
public class TenantTermsRegistry {

    private static final String COLUMNS = "owner_id, organization, publicly_readable, paid_until, extra_emails, "
            + "nav_text, plan_id, trial_ends";

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    /**
     * The terms of this life of a tenant (by id); empty when the tenant is gone. Read in the caller's
     * transaction when there is one (an archive import's, say), else statement by statement.
     */
    public Optional<TenantTerms> find(long tenantId) {
        try (Connection connection = Database.connection(dataSource);
             PreparedStatement select = connection.prepareStatement(
                     "SELECT " + COLUMNS + " FROM public.tenant_terms WHERE tenant_id = ?")) {
            select.setLong(1, tenantId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(termsOf(row)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the terms of tenant " + tenantId, e);
        }
    }

    /** Adds a new tenant's terms on the caller's connection, so they commit or roll back with its creation. */
    public void insert(Connection connection, long tenantId, TenantTerms terms) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO public.tenant_terms (tenant_id, " + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, tenantId);
            setTerms(insert, 2, terms);
            insert.setTimestamp(9, terms.trialEnds().map(Timestamp::from).orElse(null));
            insert.executeUpdate();
        }
    }

    /**
     * Writes {@code after} over the tenant's terms only if the row still holds {@code before}, what
     * the caller read: a change made meanwhile (by another request or instance) is never overwritten
     * with old values. The trial's end is never changed. False when the row is gone or changed since.
     */
    public boolean replace(Connection connection, long tenantId, TenantTerms before, TenantTerms after)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE public.tenant_terms SET owner_id = ?, organization = ?, publicly_readable = ?, paid_until = ?, "
                        + "extra_emails = ?, nav_text = ?, plan_id = ? WHERE tenant_id = ? AND owner_id IS NOT DISTINCT FROM ? "
                        + "AND organization = ? AND publicly_readable = ? AND paid_until IS NOT DISTINCT FROM ? "
                        + "AND extra_emails = ? AND nav_text = ? AND plan_id = ?")) {
            setTerms(update, 1, after);
            update.setLong(8, tenantId);
            setTerms(update, 9, before);
            return update.executeUpdate() == 1;
        }
    }

    private static void setTerms(PreparedStatement statement, int first, TenantTerms terms) throws SQLException {
        if (terms.ownerId().isPresent()) {
            statement.setLong(first, terms.ownerId().get());
        } else {
            statement.setNull(first, Types.BIGINT);
        }
        statement.setString(first + 1, terms.organization());
        statement.setBoolean(first + 2, terms.publiclyReadable());
        statement.setTimestamp(first + 3, terms.paidUntil().map(Timestamp::from).orElse(null));
        statement.setArray(first + 4, statement.getConnection().createArrayOf("text", terms.extraEmails().toArray()));
        statement.setString(first + 5, terms.navText());
        statement.setLong(first + 6, terms.planId());
    }

    private static TenantTerms termsOf(ResultSet row) throws SQLException {
        long owner = row.getLong(1);
        Optional<Long> ownerId = row.wasNull() ? Optional.empty() : Optional.of(owner);
        return new TenantTerms(ownerId, row.getString(2), row.getBoolean(3), instant(row.getTimestamp(4)),
                Arrays.asList((String[]) row.getArray(5).getArray()), row.getString(6), instant(row.getTimestamp(8)),
                row.getLong(7));
    }

    private static Optional<Instant> instant(Timestamp timestamp) {
        return Optional.ofNullable(timestamp).map(Timestamp::toInstant);
    }
}
