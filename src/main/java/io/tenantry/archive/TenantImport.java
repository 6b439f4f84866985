package io.tenantry.archive;

import static io.tenantry.platform.JsonProviderOnce.JSON;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.flywaydb.core.api.MigrationVersion;

import io.tenantry.access.ImportedGroups;
import io.tenantry.access.Invitations;
import io.tenantry.access.Permission;
import io.tenantry.access.Requires;
import io.tenantry.access.TenantSettings;
import io.tenantry.accounts.Accounts;
import io.tenantry.accounts.CurrentCaller;
import io.tenantry.accounts.NotPermittedException;
import io.tenantry.files.TenantFiles;
import io.tenantry.platform.BrokenRuleException;
import io.tenantry.tenancy.Audited;
import io.tenantry.tenancy.Tenant;
import io.tenantry.tenancy.TenantContext;
import io.tenantry.tenancy.TenantData;
import io.tenantry.tenancy.TenantDirectory;
import io.tenantry.tenancy.TenantRegistry;
import io.tenantry.tenancy.TenantUrls;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

/**
 * Reads an archive of {@link TenantExport} into the current tenant, which must have no workspace
 * data yet; only its owner (or a super-user) may, since the archive decides who works here with
 * which rights. The archive is input from whoever holds it: it is spooled and checked against
 * {@link ArchiveLimits} and the format's names first ({@link SpooledArchive}), then read entry by
 * entry and row by row, every value checked against its column ({@link TableShape}), people found
 * only through accounts.json's addresses ({@link ArchivedPeople}), group members only among this
 * tenant's members, anyone else a row names (author, tester, manager, assignee, uploader) recorded
 * as the importing person, files only for rows that name them. The built-in Administrator group keeps
 * every permission and the owner stays in it; people who are not members yet are invited. All or
 * nothing: the rows in one transaction, and the files written are removed again (the logo put
 * back) if it does not commit.
 */
@ApplicationScoped
@Transactional
@TenantData
public class TenantImport {

    /**
     * What an import brought: rows per table, files, the addresses invited (the member list's people
     * not yet members, with an account here or not), and the addresses of people to invite who could
     * not be (an address our rule refuses, or one that received its share of invitation mails today):
     * left out, the rest imported all the same; and how many times a row named someone who is not a
     * member here (as author, tester, manager, assignee, uploader), now the importing person in their
     * stead. Nothing in it says which addresses have an account here.
     */
    @Schema(name = "ImportOutcome")
    public record Outcome(Map<String, Integer> rows, int files, List<String> invited, Set<String> notInvited,
            int reassigned) {
    }

    /** The longest text a row holds (a plan's document, 200,000 characters) escaped in JSON, with room to spare. */
    static final int MAX_ROW_CHARS = 2 * 1024 * 1024;
    private static final int MAX_MANIFEST_BYTES = 64 * 1024;

    @PersistenceContext(unitName = "tenantry")
    EntityManager em;

    @Inject
    ImportsAtOnce importsAtOnce;

    @Inject
    TenantContext context;

    @Inject
    Event<Audited> audited;

    @Inject
    TenantFiles files;

    @Inject
    Accounts accounts;

    @Inject
    TenantSettings settings;

    @Inject
    CurrentCaller caller;

    @Inject
    Invitations invitations;

    @Inject
    ImportedGroups groups;

    @Inject
    TenantUrls urls;

    @Inject
    HttpServletRequest request;

    @Inject
    ArchiveLimits limits;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Inject
    TenantRegistry registry;

    @Inject
    TenantDirectory directory;

    /**
     * Refuses, in a short transaction of its own, an import that could not go ahead: anyone but the
     * owner or a super-user (NotPermittedException, 403), a tenant that has data
     * ({@link BrokenRuleException}, 400), a {@code declaredBytes} beyond ARCHIVE_MAX_SIZE_MB
     * ({@link ArchiveTooLargeException}, 413; null when the length is not declared). Called before
     * the upload is spooled, so that no one else makes the server read an archive, and so that the
     * spooling, however slow the sender, holds no database connection.
     */
    @Requires(Permission.TENANT_EXPORT)
    public void requireImportable(Long declaredBytes) {
        requireOwnerAndEmptyTenant();
        if (declaredBytes != null) {
            limits.requireUpload(declaredBytes);
        }
    }

    /**
     * Imports the spooled archive (a zip as {@link TenantExport} writes it, spooled and checked by
     * {@link SpooledArchive#spool} before this transaction begins). Refuses as
     * {@link #requireImportable} does (checked again: things may have changed meanwhile), with
     * {@link ArchiveTooLargeException} (413) an entry beyond {@link ArchiveLimits}, with
     * {@link BrokenRuleException} (400, naming the entry, line and column) an archive that breaks a
     * rule of the format, with {@link io.tenantry.accounts.TooManyAttemptsException} (429) while
     * {@value ImportsAtOnce#AT_ONCE} imports run on this instance; a refused import changes nothing.
     */
    @Requires(Permission.TENANT_EXPORT)
    public Outcome readFrom(SpooledArchive archive) {
        requireOwnerAndEmptyTenant();
        try (ImportsAtOnce.Place place = importsAtOnce.take()) {
            Importing importing = new Importing(context.tenant(), false);
            archive.read(importing::entry);
            Outcome outcome = importing.finish();
            audited.fire(Audited.in(context.tenant(), "tenant.imported", context.tenant().label().value())
                    .after(Map.of("rows", outcome.rows(), "files", outcome.files())));
            return outcome;
        } catch (JsonException e) {
            throw SpooledArchive.unreadable(e.getMessage());
        }
    }

    /**
     * Replaces the current tenant's workspace data, groups and files with the archive's (a restore
     * point, checked by {@link SpooledArchive} as an upload is): the rows are deleted and the
     * archive's inserted in this one transaction; its files are written to a new folder that the
     * registry names in the same transaction, so that either everything is the archive's or, on any
     * failure, everything stays as it was (the new folder is removed; once committed, the old one
     * is). Only the owner or a super-user ({@link NotPermittedException}); refusals of the archive
     * as {@link #readFrom}. People of the archive's member list who are not members now are not
     * invited again: rows naming them name the restoring person, as an import's do. Records
     * {@code tenant.restored} with the point's time.
     */
    @Requires(Permission.TENANT_EXPORT)
    public Outcome replaceFrom(SpooledArchive archive, Instant pointTakenAt) {
        requireOwner();
        Tenant tenant = context.tenant();
        em.createNativeQuery("DELETE FROM comment").executeUpdate();
        em.createNativeQuery("DELETE FROM attachment").executeUpdate();
        em.createNativeQuery("DELETE FROM product").executeUpdate(); // the rest of the workspace cascades
        Tenant restored = tenant.withFilesIn(files.newRestoreFolderName());
        try {
            Importing importing = new Importing(restored, true);
            archive.read(importing::entry);
            Outcome outcome = importing.finish();
            registry.moveFiles(em.unwrap(Connection.class), tenant, restored.filesFolder());
            audited.fire(Audited.in(tenant, "tenant.restored", tenant.label().value())
                    .after(Map.of("pointTakenAt", pointTakenAt.toString(), "rows", outcome.rows(),
                            "files", outcome.files())));
            return outcome;
        } catch (JsonException e) {
            throw SpooledArchive.unreadable(e.getMessage());
        } catch (SQLException e) {
            throw new IllegalStateException("Could not give " + tenant.label() + " its restored files", e);
        }
    }

    /** Refuses anyone but the owner or a super-user ({@link NotPermittedException}, 403): who may restore the tenant. */
    @Requires(Permission.TENANT_EXPORT)
    public void requireRestorable() {
        requireOwner();
    }

    private void requireOwner() {
        if (!settings.mayDecideAsOwner()) {
            throw new NotPermittedException("archive.ownersOnly", context.tenant().name());
        }
    }

    private void requireOwnerAndEmptyTenant() {
        requireOwner();
        if (!em.createNativeQuery("SELECT 1 FROM product LIMIT 1").getResultList().isEmpty()) {
            throw BrokenRuleException.onField("archive", "archive.notEmpty", context.tenant().name());
        }
    }

    /** One import under way: what has been read so far, and what must follow. */
    private final class Importing {

        /** The tenant as its files are written: the current folder for an import, a new one for a restore. */
        private final Tenant tenant;
        private final boolean restoring;
        private final ArchivedPeople people = new ArchivedPeople(accounts, members());
        private final long importer = caller.require().accountId();
        private int reassigned;
        private final Iterator<ArchivedTable> expected = ArchivedTable.ALL.iterator();
        private final Map<String, Integer> counts = new LinkedHashMap<>();
        private final List<long[]> invitedInGroups = new ArrayList<>();
        private final List<String> written = new ArrayList<>();
        private final Optional<byte[]> logoBefore = logoNow();
        private boolean tablesChecked;
        private boolean manifest;
        private boolean accountsRead;
        private boolean membersRead;
        private boolean logoReplaced;

        Importing(Tenant tenant, boolean restoring) {
            this.tenant = tenant;
            this.restoring = restoring;
            if (restoring) {
                switchFoldersWhenDone(context.tenant().filesFolder());
            } else {
                undoFilesUnlessCommitted();
            }
        }

        void entry(String name, InputStream content) throws IOException {
            if (!manifest) {
                if (!name.equals(ArchiveNames.MANIFEST)) {
                    throw outOfOrder(name);
                }
                requireFormat(content, context.tenant().schemaVersion());
                manifest = true;
            } else if (name.equals(ArchiveNames.ACCOUNTS) && !accountsRead) {
                people.readAccounts(content);
                accountsRead = true;
            } else if (name.equals(ArchiveNames.MEMBERS) && accountsRead && !membersRead) {
                people.readMembers(content);
                membersRead = true;
            } else if (name.startsWith("tables/") && membersRead && expected.hasNext()) {
                ArchivedTable table = expected.next();
                if (!table.entry().equals(name)) {
                    throw outOfOrder(name);
                }
                counts.put(table.name(), insert(table, content));
            } else if (ArchiveNames.fileName(name).isPresent() && membersRead && !expected.hasNext()) {
                file(name, ArchiveNames.fileName(name).get(), content);
            } else {
                throw outOfOrder(name);
            }
        }

        Outcome finish() {
            if (!membersRead || expected.hasNext()) {
                throw SpooledArchive.unreadable("tables are missing");
            }
            afterTables();
            List<String> invited = new ArrayList<>();
            Set<String> notInvited = new TreeSet<>();
            List<Invitations.Result> results = restoring ? List.of() : invitations.inviteWherePossible(
                    context.tenant(), people.toInvite(), urls.publicRoot(request), urls.rootOf(context.tenant().label(), request));
            for (Invitations.Result result : results) {
                switch (result.outcome()) {
                    case ADDRESS_REFUSED, MAIL_LIMIT_REACHED -> notInvited.add(result.email());
                    case INVITED, SENT_AGAIN -> invited.add(result.email());
                    case ALREADY_MEMBER -> { } // a member already: nobody to invite
                }
            }
            Set<Long> members = members();
            for (long[] groupMember : invitedInGroups) {
                if (members.contains(groupMember[1])) {
                    groups.join(groupMember[0], groupMember[1]);
                }
            }
            continueIdentities();
            return new Outcome(counts, written.size() + (logoReplaced ? 1 : 0), invited, notInvited, reassigned);
        }

        private int insert(ArchivedTable table, InputStream content) throws IOException {
            if (table.name().equals("access_group")) {
                groups.makeWayForArchivedGroups(); // the archive's groups replace these
            }
            TableShape shape = TableShape.of(em, table);
            BoundedLines lines = new BoundedLines(content, table.entry(), MAX_ROW_CHARS);
            int count = 0;
            for (String line = lines.next(); line != null; line = lines.next()) {
                if (line.isBlank()) {
                    continue;
                }
                Optional<JsonObject> row = checkedRow(table, shape, line, lines.number());
                if (row.isPresent()) {
                    try {
                        shape.insert(em, row.get());
                    } catch (PersistenceException e) {
                        throw shape.refusal("archive.rowRefused", lines.number(), databaseWords(e));
                    }
                    count++;
                }
            }
            if (table.name().equals("access_group")) {
                requireBuiltInGroups();
            }
            return count;
        }

        /** The row with its people as accounts here, or empty when it is a group membership to leave out or to make later. */
        private Optional<JsonObject> checkedRow(ArchivedTable table, TableShape shape, String line, int number) {
            JsonValue parsed;
            try {
                parsed = ArchiveJson.parse(new java.io.StringReader(line));
            } catch (JsonException e) {
                throw shape.refusal("archive.badRow", number, e.getMessage());
            }
            if (!(parsed instanceof JsonObject row)) {
                throw shape.refusal("archive.badRow", number, "not a JSON object");
            }
            shape.check(row, number);
            if (table.name().equals("group_permission")
                    && Permission.ofCode(((JsonString) row.get("permission")).getString()).isEmpty()) {
                throw shape.refusal("archive.unknownPermission", number,
                        ArchiveNames.printable(row.getString("permission")));
            }
            JsonObjectBuilder mapped = JSON.createObjectBuilder(row);
            for (String column : table.accountColumns()) {
                if (!row.containsKey(column)) {
                    continue;
                }
                Optional<ArchivedPeople.Person> person = people.personOf(row.get(column), shape, number, column);
                if (table.name().equals("group_member")) {
                    if (person.isEmpty()) {
                        return Optional.empty(); // nobody to put in the group
                    }
                    if (!people.isMember(person.get())) {
                        // Decided by the archive's member list, never by whether the address has an account here.
                        if (!people.isInvited(person.get())) {
                            throw shape.refusal("archive.notAMember", number, column, context.tenant().name());
                        }
                        person.get().account().ifPresent(account -> invitedInGroups.add(
                                new long[] {row.getJsonNumber("group_id").longValue(), account}));
                        return Optional.empty();
                    }
                }
                person.map(this::standIn).ifPresentOrElse(id -> mapped.add(column, id), () -> mapped.addNull(column));
            }
            return Optional.of(mapped.build());
        }

        /**
         * The account a row may name: a member here, or the importing person; anyone else (an
         * archive can name any address, with an account here or not) becomes the importing person,
         * so that no row claims a stranger's work, no page or export of this tenant shows a
         * stranger's user name, and no row tells which addresses have an account.
         */
        private long standIn(ArchivedPeople.Person person) {
            Optional<Long> account = person.account();
            if (account.isPresent() && (account.get() == importer || people.isMember(account.get()))) {
                return account.get();
            }
            reassigned++;
            return importer;
        }

        private void file(String entry, String name, InputStream content) throws IOException {
            afterTables();
            if (name.equals(ArchiveNames.LOGO)) {
                logoReplaced = true;
                if (restoring) {
                    files.write(tenant, ArchiveNames.LOGO, TenantSettings.checkedLogo(content));
                } else {
                    settings.changeLogo(content);
                }
                return;
            }
            long id = ArchiveNames.attachmentId(name).orElseThrow();
            Long size = attachmentSize(id);
            if (size == null) {
                throw BrokenRuleException.onField("archive", "archive.unreferencedFile", entry);
            }
            written.add(name);
            long actual = files.write(tenant, name, content, limits.maxEntryBytes());
            if (actual != size) {
                throw BrokenRuleException.onField("archive", "archive.fileSize", entry, actual, size);
            }
        }

        /** Once the tables are in: references without a foreign key, built-in rights, the owner. */
        private void afterTables() {
            if (tablesChecked) {
                return;
            }
            requireSubjects("comment");
            requireSubjects("attachment");
            groups.keepAdministrators(tenant);
            tablesChecked = true;
        }

        /**
         * The size the attachment row of this id records, or null when there is none: looked up
         * per file (at most ARCHIVE_MAX_ENTRIES), never all rows at once, as an archive may hold
         * any number of attachment rows.
         */
        private Long attachmentSize(long id) {
            @SuppressWarnings("unchecked")
            List<Number> sizes = em.createNativeQuery("SELECT size FROM attachment WHERE id = ?").setParameter(1, id)
                    .getResultList();
            return sizes.isEmpty() ? null : sizes.get(0).longValue();
        }

        /** Comments and attachments name their subject by kind and id, without a foreign key: each must exist. */
        private void requireSubjects(String table) {
            @SuppressWarnings("unchecked")
            List<Number> orphans = em.createNativeQuery("SELECT t.id FROM " + table + " t WHERE NOT CASE t.subject "
                    + "WHEN 'CASE' THEN EXISTS (SELECT 1 FROM test_case c WHERE c.id = t.subject_id) "
                    + "WHEN 'RUN' THEN EXISTS (SELECT 1 FROM test_run r WHERE r.id = t.subject_id) "
                    + "ELSE EXISTS (SELECT 1 FROM test_execution e WHERE e.id = t.subject_id) END ORDER BY t.id LIMIT 1")
                    .getResultList();
            if (!orphans.isEmpty()) {
                throw BrokenRuleException.onField("archive", "archive.noSubject", "tables/" + table + ".jsonl",
                        String.valueOf(orphans.get(0).longValue()));
            }
        }

        /** The archive's groups replace the tenant's, but the built-in ones stay what they are: Administrator and Tester. */
        private void requireBuiltInGroups() {
            @SuppressWarnings("unchecked")
            List<String> builtIn = em.createNativeQuery("SELECT name FROM access_group WHERE built_in ORDER BY name")
                    .getResultList();
            if (!builtIn.equals(List.of("Administrator", "Tester"))) {
                throw BrokenRuleException.onField("archive", "archive.builtInGroups", String.join(", ", builtIn));
            }
        }

        /** Each identity continues after the imported rows instead of colliding with them. */
        private void continueIdentities() {
            for (ArchivedTable table : ArchivedTable.ALL) {
                if (table.identity()) {
                    // Read, then set, in two statements: on a Citus cluster a statement naming a tenant
                    // table runs whole on the tenant's worker, where neither the table's name nor the
                    // sequence that hands out its ids (the coordinator's) is.
                    Object[] rows = (Object[]) em.createNativeQuery("SELECT coalesce(max(id), 1), count(*) > 0 FROM "
                            + table.name()).getSingleResult();
                    em.createNativeQuery("SELECT setval(pg_get_serial_sequence(?, 'id'), ?, ?)").setParameter(1, table.name())
                            .setParameter(2, rows[0]).setParameter(3, rows[1]).getSingleResult();
                }
            }
        }

        /** The rows decide: if they do not commit, the files written go, and the logo the tenant had comes back. */
        private void undoFilesUnlessCommitted() {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    // files follow the rows once the outcome is known
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        return;
                    }
                    written.forEach(name -> files.delete(tenant, name));
                    if (logoReplaced) {
                        logoBefore.ifPresentOrElse(logo -> files.write(tenant, ArchiveNames.LOGO, logo),
                                () -> files.delete(tenant, ArchiveNames.LOGO));
                    }
                }
            });
        }

        /**
         * A restore's files are all in their new folder: once the rows commit, the tenant's old
         * folder goes (this instance forgets the old one at once, the others when told); otherwise
         * the new one goes and the old one was never touched.
         */
        private void switchFoldersWhenDone(String oldFolder) {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    // the folders follow the rows once the outcome is known
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        // The row as this transaction left it, without reading it again: a query here, with the
                        // finished transaction still the thread's, is refused by WildFly's pool.
                        directory.put(tenant);
                        files.deleteFolder(oldFolder);
                    } else {
                        files.deleteFolder(tenant.filesFolder());
                    }
                }
            });
        }

        /** The logo the tenant has now (at most {@link TenantSettings#MAX_LOGO_BYTES}), to put back if the import fails. */
        private Optional<byte[]> logoNow() {
            return settings.logo().map(logo -> {
                try (InputStream in = logo.content()) {
                    return in.readNBytes(TenantSettings.MAX_LOGO_BYTES);
                } catch (IOException e) {
                    throw new UncheckedIOException("Could not read the logo of " + tenant.label(), e);
                }
            });
        }

        private BrokenRuleException outOfOrder(String name) {
            return BrokenRuleException.onField("archive", "archive.outOfOrder", ArchiveNames.printable(name));
        }
    }

    private Set<Long> members() {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("SELECT account_id FROM public.tenant_member WHERE tenant_id = ?")
                .setParameter(1, context.tenant().id()).getResultList();
        Set<Long> members = new HashSet<>();
        ids.forEach(id -> members.add(id.longValue()));
        return members;
    }

    /**
     * The description must name this format, and a schema version not newer than the tenant's:
     * rows of an older schema are read into the current one (the tenant migrations since only add
     * columns, each with a default or nullable, so {@link TableShape} takes the older rows), while
     * rows of a newer one may hold what this version cannot keep.
     */
    private static void requireFormat(InputStream content, String tenantVersion) throws IOException {
        byte[] bytes = content.readNBytes(MAX_MANIFEST_BYTES + 1);
        if (bytes.length > MAX_MANIFEST_BYTES) {
            throw SpooledArchive.unreadable(ArchiveNames.MANIFEST + " is too long");
        }
        JsonValue manifest = ArchiveJson.parse(new java.io.InputStreamReader(new ByteArrayInputStream(bytes),
                java.nio.charset.StandardCharsets.UTF_8));
        if (!(manifest instanceof JsonObject object) || object.getInt("format", 0) != TenantExport.FORMAT) {
            throw SpooledArchive.unreadable("its format is not " + TenantExport.FORMAT);
        }
        String archived = object.getString("schemaVersion", "");
        if (!archived.matches("[0-9]{1,9}(\\.[0-9]{1,9}){0,3}")) {
            throw SpooledArchive.unreadable("its schemaVersion is not a version");
        }
        if (MigrationVersion.fromVersion(archived).isNewerThan(tenantVersion)) {
            throw SpooledArchive.unreadable("it was made at schema version " + archived + ", newer than this tenant's "
                    + tenantVersion);
        }
    }

    /** What the database said about a row it refused (a check, a foreign key, a duplicate), on one line. */
    private static String databaseWords(PersistenceException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                String words = sql.getMessage().replaceAll("\\s+", " ").strip();
                return words.length() > 300 ? words.substring(0, 300) + "…" : words;
            }
        }
        return failure.getClass().getSimpleName();
    }
}
