package io.tenantry.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import io.tenantry.testing.TestDatabase;

/**
 * What the upgrade tests read and change in the run's database, as an instance would find it: a
 * tenant's recorded schema version (announced to every instance, as a change made through Tenantry
 * is), its history hidden so that its upgrade fails, the attempts recorded, a failure made due.
 */
final class RecordedUpgrades {

    private RecordedUpgrades() {
    }

    /** The tenant's schema version as the registry records it, announced to every instance. */
    static void setVersion(String label, String version) throws SQLException {
        try (Connection db = TestDatabase.connect();
             PreparedStatement update = db.prepareStatement("UPDATE public.tenant SET schema_version = ? WHERE label = ?");
             PreparedStatement notify = db.prepareStatement("SELECT pg_notify('tenantry_tenants', ?)")) {
            update.setString(1, version);
            update.setString(2, label);
            update.executeUpdate();
            notify.setString(1, label);
            notify.execute();
        }
    }

    /** As a newer instance finds a tenant: recorded behind the code ({@code 0}), announced. */
    static void markBehind(String label) throws SQLException {
        setVersion(label, "0");
    }

    static String versionOf(String label) throws SQLException {
        try (Connection db = TestDatabase.connect();
             PreparedStatement select = db.prepareStatement("SELECT schema_version FROM public.tenant WHERE label = ?")) {
            select.setString(1, label);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }

    /** Without its history Flyway refuses the non-empty schema: a migration that fails until it is back. */
    static void hideHistory(String label, boolean hidden) throws SQLException {
        String schema = "\"" + label.replace('-', '_') + "\"";
        try (Connection db = TestDatabase.connect(); Statement sql = db.createStatement()) {
            sql.execute(hidden ? "ALTER TABLE " + schema + ".flyway_schema_history RENAME TO hidden_history"
                    : "ALTER TABLE " + schema + ".hidden_history RENAME TO flyway_schema_history");
        }
    }

    /** How many times any instance has tried to upgrade the tenant, as they record it (0 with no record). */
    static int attempts(String label) throws SQLException {
        try (Connection db = TestDatabase.connect(); PreparedStatement select = db.prepareStatement(
                "SELECT u.attempts FROM public.tenant_upgrade u JOIN public.tenant t ON t.id = u.tenant_id"
                        + " WHERE t.label = ?")) {
            select.setString(1, label);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getInt(1) : 0;
            }
        }
    }

    /** Makes the tenant's next attempt, after a failure, due now. */
    static void dueNow(String label) throws SQLException {
        try (Connection db = TestDatabase.connect(); PreparedStatement update = db.prepareStatement(
                "UPDATE public.tenant_upgrade SET next_attempt_at = now() WHERE next_attempt_at IS NOT NULL"
                        + " AND tenant_id = (SELECT id FROM public.tenant WHERE label = ?)")) {
            update.setString(1, label);
            update.executeUpdate();
        }
    }
}
