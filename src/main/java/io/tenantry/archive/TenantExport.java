package io.tenantry.archive;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import io.tenantry.access.Permission;
import io.tenantry.access.Requires;
import io.tenantry.access.TenantSettings;
import io.tenantry.files.TenantFiles;
import io.tenantry.tenancy.Tenant;
import io.tenantry.tenancy.TenantContext;
import io.tenantry.tenancy.TenantData;
import io.tenantry.workspace.Attachment;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * Writes the current tenant as a zip: {@code tenantry-archive.json} (what and when), {@code
 * accounts.json} (the e-mail of every account the data names), {@code members.json}, one
 * {@code tables/<table>.jsonl} per table (a JSON row per line, in key order) and {@code files/}:
 * only the files the tenant's data names (its attachments' and its logo), never whatever else
 * lies in its folder. Read in one transaction, so the archive is one consistent moment of the tenant.
 */
@ApplicationScoped
@Transactional
@TenantData
public class TenantExport {

    static final String MANIFEST = "tenantry-archive.json";
    static final String ACCOUNTS = "accounts.json";
    static final String MEMBERS = "members.json";
    static final String FILES = "files/";
    static final int FORMAT = 1;

    @PersistenceContext(unitName = "tenantry")
    EntityManager em;

    @Inject
    TenantContext context;

    @Inject
    TenantFiles files;

    /** Refuses those who may not export, before anything is written. */
    @Requires(Permission.TENANT_EXPORT)
    public void requireAllowed() {
        // the interceptor decides
    }

    @Requires(Permission.TENANT_EXPORT)
    public void writeTo(OutputStream out) {
        Tenant tenant = context.tenant();
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            put(zip, MANIFEST, Json.createObjectBuilder().add("format", FORMAT).add("tenant", tenant.label().value())
                    .add("name", tenant.name()).add("schemaVersion", String.valueOf(tenant.schemaVersion()))
                    .add("exportedAt", OffsetDateTime.now().toString()).build().toString());
            put(zip, ACCOUNTS, accounts());
            put(zip, MEMBERS, members());
            for (ArchivedTable table : ArchivedTable.ALL) {
                put(zip, table.entry(), rows(table));
            }
            for (String name : referencedFiles()) {
                Optional<byte[]> content = files.read(tenant, name);
                if (content.isPresent()) {
                    zip.putNextEntry(new ZipEntry(FILES + name));
                    zip.write(content.get());
                    zip.closeEntry();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the archive of " + tenant.label(), e);
        }
    }

    private String rows(ArchivedTable table) {
        @SuppressWarnings("unchecked")
        List<String> rows = em.createNativeQuery("SELECT CAST(row_to_json(t) AS text) FROM " + table.name() + " t ORDER BY "
                + table.order()).getResultList();
        return rows.stream().map(row -> row + "\n").collect(Collectors.joining());
    }

    /** The files the tenant's data names: each attachment's, and the logo's. */
    private List<String> referencedFiles() {
        @SuppressWarnings("unchecked")
        List<Number> attachments = em.createNativeQuery("SELECT id FROM attachment ORDER BY id").getResultList();
        List<String> names = new ArrayList<>();
        attachments.forEach(id -> names.add(Attachment.storedName(id.longValue())));
        names.add(TenantSettings.LOGO);
        return names;
    }

    /** Every account that the tenant's rows or its member list name, with the e-mail that finds it again. */
    private String accounts() {
        String referenced = ArchivedTable.ALL.stream().flatMap(t -> t.accountColumns().stream()
                        .map(column -> "SELECT " + column + " FROM " + t.name()))
                .collect(Collectors.joining(" UNION "));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT a.id, a.email, a.username FROM public.account a WHERE a.id IN ("
                        + referenced + " UNION SELECT account_id FROM public.tenant_member WHERE tenant_id = ?) ORDER BY a.id")
                .setParameter(1, context.tenant().id()).getResultList();
        JsonArrayBuilder accounts = Json.createArrayBuilder();
        rows.forEach(row -> accounts.add(Json.createObjectBuilder().add("id", ((Number) row[0]).longValue())
                .add("email", (String) row[1]).add("username", (String) row[2])));
        return accounts.build().toString();
    }

    private String members() {
        @SuppressWarnings("unchecked")
        List<String> emails = em.createNativeQuery("SELECT a.email FROM public.tenant_member m JOIN public.account a "
                + "ON a.id = m.account_id WHERE m.tenant_id = ? ORDER BY lower(a.email)")
                .setParameter(1, context.tenant().id()).getResultList();
        JsonArrayBuilder members = Json.createArrayBuilder();
        emails.forEach(members::add);
        return members.build().toString();
    }

    private static void put(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
