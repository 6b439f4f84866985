package io.tenantry.archive;

import static io.tenantry.platform.JsonProviderOnce.JSON;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import io.tenantry.access.Permission;
import io.tenantry.access.Requires;
import io.tenantry.files.TenantFiles;
import io.tenantry.tenancy.Audited;
import io.tenantry.tenancy.Tenant;
import io.tenantry.tenancy.TenantContext;
import io.tenantry.tenancy.TenantData;
import io.tenantry.tenancy.TenantRestores;
import io.tenantry.tenancy.TransactionTenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * Writes the current tenant as a zip: {@code tenantry-archive.json} (what and when), {@code
 * accounts.json} (the e-mail of every account the data names, each under the archive's own number:
 * {@link PeopleNumbers}), {@code members.json}, one
 * {@code tables/<table>.jsonl} per table (a JSON row per line, in key order) and {@code files/}
 * (the logo and the attachments' bytes, named as in the tenant's folder; see {@link ArchiveNames}).
 * Read in one REPEATABLE READ transaction, so every row is of one moment of the tenant, and the files
 * are those of that moment's rows: a file deleted after that moment (its row gone since) is left out,
 * as an attachment row without its file is an archive an import takes. A file is opened before its
 * entry is begun and read from the open file, so a deletion while it is copied cannot cut it short.
 * A restore of the tenant comes first: an export (or a point) being written when one begins ends
 * ({@link GivesWayToRestore}), rather than keep the restore waiting for as long as its client reads.
 */
@ApplicationScoped
@Transactional
@TenantData
public class TenantExport {

    static final int FORMAT = 1;
    private static final int ROWS_PER_FETCH = 500;

    @PersistenceContext(unitName = "tenantry")
    EntityManager em;

    @Inject
    TenantContext context;

    @Inject
    Event<Audited> audited;

    @Inject
    TenantFiles files;

    @Inject
    TenantRestores restores;


    /** Refuses those who may not export, before anything is written. */
    @Requires(Permission.TENANT_EXPORT)
    public void requireAllowed() {
        // the interceptor decides
    }

    /**
     * Writes the archive to {@code out} as it is read: rows through a database cursor, a line at
     * a time, and files copied from the tenant's folder, so that no table or file is held whole in
     * memory. Only the files a row names (attachments) and the logo travel.
     */
    @Requires(Permission.TENANT_EXPORT)
    public void writeTo(OutputStream out) {
        Tenant tenant = context.tenant();
        Written written = write(tenant, out);
        // Recorded once written whole: one that failed made no archive. (ArchiveResource sends it afterwards.)
        audited.fire(Audited.in(tenant, "tenant.exported", tenant.label().value()).kept()
                .after(Map.of("rows", written.rows(), "files", written.files())));
    }

    /** What an archive holds: its rows (all tables) and its files. */
    record Written(long rows, int files) {
    }

    /**
     * Writes the archive as {@link #writeTo} does, for a restore point: neither checked against
     * the caller nor recorded as an export, since the archive stays on the server
     * ({@link RestorePoints} decides who may take and restore points, the schedule takes them as
     * the system). Package-private: nothing else may read a tenant unchecked.
     */
    Written writePointTo(OutputStream out) {
        return write(context.tenant(), out);
    }

    private Written write(Tenant tenant, OutputStream out) {
        // Before the first read: the transaction's connection is routed, and its level set, on first use.
        TransactionTenant.readOneSnapshot();
        long rows = 0;
        int written = 0;
        // The caller's stream stays open: an export is recorded before its answer ends.
        try (ZipOutputStream zip = new ZipOutputStream(new Unclosed(new GivesWayToRestore(out, tenant, restores)),
                StandardCharsets.UTF_8)) {
            put(zip, ArchiveNames.MANIFEST, JSON.createObjectBuilder().add("format", FORMAT)
                    .add("tenant", tenant.label().value()).add("name", tenant.name())
                    .add("schemaVersion", String.valueOf(tenant.schemaVersion()))
                    .add("exportedAt", OffsetDateTime.now().toString()).build().toString());
            requireOneSnapshot();
            List<Object[]> people = people();
            PeopleNumbers numbers = new PeopleNumbers(people.stream().map(row -> ((Number) row[0]).longValue()).toList());
            put(zip, ArchiveNames.ACCOUNTS, accounts(people, numbers));
            put(zip, ArchiveNames.MEMBERS, members());
            Connection connection = em.unwrap(Connection.class);
            for (ArchivedTable table : ArchivedTable.ALL) {
                zip.putNextEntry(new ZipEntry(table.entry()));
                rows += writeRows(connection, table, numbers, zip);
                zip.closeEntry();
            }
            for (String name : referencedFiles()) {
                Optional<TenantFiles.Stored> file = files.open(tenant, name);
                if (file.isEmpty()) {
                    continue; // deleted after this archive's moment (TenantFiles.open checks the folder is current)
                }
                try (InputStream content = file.get().content()) {
                    zip.putNextEntry(new ZipEntry(ArchiveNames.FILES + name));
                    content.transferTo(zip);
                    zip.closeEntry();
                }
                written++;
            }
            zip.finish();
            return new Written(rows, written);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the archive of " + tenant.label(), e);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the rows of " + tenant.label(), e);
        }
    }

    /**
     * Makes sure the transaction reads one snapshot: it would not if its connection had been routed
     * before {@link TransactionTenant#readOneSnapshot} (a read earlier in the same transaction).
     */
    private void requireOneSnapshot() {
        Object level = em.createNativeQuery("SELECT current_setting('transaction_isolation')").getSingleResult();
        if (!"repeatable read".equals(level)) {
            throw new IllegalStateException("An archive must be read from one snapshot, but this transaction reads "
                    + "at " + level);
        }
    }

    /**
     * The table's rows as JSON lines in key order, people by the archive's numbers, fetched a few hundred
     * at a time (the transaction keeps the cursor open).
     */
    private static long writeRows(Connection connection, ArchivedTable table, PeopleNumbers numbers, OutputStream out)
            throws SQLException, IOException {
        long count = 0;
        try (PreparedStatement rows = connection.prepareStatement("SELECT CAST(row_to_json(t) AS text) FROM "
                + table.name() + " t ORDER BY " + table.order())) {
            rows.setFetchSize(ROWS_PER_FETCH);
            try (ResultSet result = rows.executeQuery()) {
                while (result.next()) {
                    String row = table.accountColumns().isEmpty() ? result.getString(1)
                            : numbers.renumbered(result.getString(1), table.accountColumns());
                    out.write(row.getBytes(StandardCharsets.UTF_8));
                    out.write('\n');
                    count++;
                }
            }
        }
        return count;
    }

    /** The logo, and the files of the snapshot's attachment rows. */
    private List<String> referencedFiles() {
        @SuppressWarnings("unchecked")
        List<Number> attachments = em.createNativeQuery("SELECT id FROM attachment ORDER BY id").getResultList();
        List<String> referenced = new ArrayList<>();
        referenced.add(ArchiveNames.LOGO);
        attachments.forEach(id -> referenced.add(ArchiveNames.attachmentFile(id.longValue())));
        return referenced;
    }

    /** Every account that the tenant's rows or its member list name (id, e-mail, username), in id order. */
    private List<Object[]> people() {
        String referenced = ArchivedTable.ALL.stream().flatMap(t -> t.accountColumns().stream()
                        .map(column -> "SELECT " + column + " FROM " + t.name()))
                .collect(Collectors.joining(" UNION "));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT a.id, a.email, a.username FROM public.account a WHERE a.id IN ("
                        + referenced + " UNION SELECT account_id FROM public.tenant_member WHERE tenant_id = ?) ORDER BY a.id")
                .setParameter(1, context.tenant().id()).getResultList();
        return rows;
    }

    /** accounts.json: each of {@code people} under its archive number, with the e-mail that finds it again. */
    private static String accounts(List<Object[]> people, PeopleNumbers numbers) {
        JsonArrayBuilder accounts = JSON.createArrayBuilder();
        people.forEach(row -> accounts.add(JSON.createObjectBuilder().add("id", numbers.of(((Number) row[0]).longValue()))
                .add("email", (String) row[1]).add("username", (String) row[2])));
        return accounts.build().toString();
    }

    private String members() {
        @SuppressWarnings("unchecked")
        List<String> emails = em.createNativeQuery("SELECT a.email FROM public.tenant_member m JOIN public.account a "
                + "ON a.id = m.account_id WHERE m.tenant_id = ? ORDER BY lower(a.email)")
                .setParameter(1, context.tenant().id()).getResultList();
        JsonArrayBuilder members = JSON.createArrayBuilder();
        emails.forEach(members::add);
        return members.build().toString();
    }

    /** The caller's stream, which closing the zip only flushes: the caller closes it. */
    private static final class Unclosed extends FilterOutputStream {

        Unclosed(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }

    private static void put(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
