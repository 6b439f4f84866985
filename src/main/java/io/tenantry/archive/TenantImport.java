package io.tenantry.archive;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import io.tenantry.access.Members;
import io.tenantry.access.Permission;
import io.tenantry.access.Requires;
import io.tenantry.accounts.Accounts;
import io.tenantry.files.TenantFiles;
import io.tenantry.platform.BrokenRuleException;
import io.tenantry.tenancy.Tenant;
import io.tenantry.tenancy.TenantContext;
import io.tenantry.tenancy.TenantData;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

/**
 * Reads an archive of {@link TenantExport} into the current tenant, which must have no workspace
 * data yet: rows keep their ids, accounts are found again by e-mail (one that this deployment does
 * not know is left out and reported), groups replace the built-in ones. All or nothing: the rows in
 * one transaction, and the files written are removed again if it does not commit.
 */
@ApplicationScoped
@Transactional
@TenantData
public class TenantImport {

    /** What an import brought: rows per table, files, and the people this deployment does not know. */
    public record Outcome(Map<String, Integer> rows, int files, Set<String> unknownPeople) {
    }

    @PersistenceContext(unitName = "tenantry")
    EntityManager em;

    @Inject
    TenantContext context;

    @Inject
    TenantFiles files;

    @Inject
    Members members;

    @Inject
    Accounts accounts;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Requires(Permission.TENANT_EXPORT)
    public Outcome readFrom(InputStream archive) {
        if (!em.createNativeQuery("SELECT 1 FROM product LIMIT 1").getResultList().isEmpty()) {
            throw BrokenRuleException.onField("archive", "archive.notEmpty", context.tenant().name());
        }
        Tenant tenant = context.tenant();
        List<String> written = new ArrayList<>();
        forgetFilesUnlessCommitted(tenant, written);
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<Long, Long> accounts = new HashMap<>();
        Set<String> unknown = new TreeSet<>();
        Iterator<ArchivedTable> expected = ArchivedTable.ALL.iterator();
        boolean manifest = false;
        try (ZipInputStream zip = new ZipInputStream(archive, StandardCharsets.UTF_8)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                String name = entry.getName();
                if (name.equals(TenantExport.MANIFEST)) {
                    requireFormat(json(zip).asJsonObject());
                    manifest = true;
                } else if (!manifest) {
                    throw unreadable("the archive does not start with " + TenantExport.MANIFEST);
                } else if (name.equals(TenantExport.ACCOUNTS)) {
                    mapAccounts(json(zip).asJsonArray(), accounts, unknown);
                } else if (name.equals(TenantExport.MEMBERS)) {
                    restoreMembers(json(zip).asJsonArray());
                } else if (name.startsWith("tables/")) {
                    ArchivedTable table = expected.hasNext() ? expected.next() : null;
                    if (table == null || !table.entry().equals(name)) {
                        throw unreadable("unexpected " + name);
                    }
                    counts.put(table.name(), insert(table, new String(zip.readAllBytes(), StandardCharsets.UTF_8),
                            accounts));
                } else if (name.startsWith(TenantExport.FILES)) {
                    String file = name.substring(TenantExport.FILES.length());
                    files.write(tenant, file, zip.readAllBytes());
                    written.add(file);
                } else {
                    throw unreadable("unexpected " + name);
                }
            }
        } catch (IOException | IllegalArgumentException | JsonException e) {
            if (e instanceof BrokenRuleException broken) {
                throw broken;
            }
            throw unreadable(e.getMessage());
        }
        if (!manifest || expected.hasNext()) {
            throw unreadable("tables are missing");
        }
        continueIdentities();
        keepOwnerAdministrator();
        return new Outcome(counts, written.size(), unknown);
    }

    private int insert(ArchivedTable table, String lines, Map<Long, Long> accounts) {
        if (table.name().equals("access_group")) {
            em.createNativeQuery("DELETE FROM access_group").executeUpdate(); // the built-in ones are in the archive
        }
        int count = 0;
        for (String line : lines.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            JsonObject row = Json.createReader(new StringReader(line)).readObject();
            JsonObjectBuilder mapped = Json.createObjectBuilder(row);
            boolean skip = false;
            for (String column : table.accountColumns()) {
                if (row.get(column) instanceof JsonNumber id) {
                    Long here = accounts.get(id.longValue());
                    if (here == null) {
                        mapped.addNull(column);
                        skip |= table.name().equals("group_member");
                    } else {
                        mapped.add(column, here);
                    }
                }
            }
            if (!skip) {
                em.createNativeQuery("INSERT INTO " + table.name() + " OVERRIDING SYSTEM VALUE SELECT * FROM "
                        + "json_populate_record(CAST(NULL AS " + table.name() + "), CAST(? AS json))")
                        .setParameter(1, mapped.build().toString()).executeUpdate();
                count++;
            }
        }
        return count;
    }

    private void mapAccounts(JsonArray archived, Map<Long, Long> accounts, Set<String> unknown) {
        for (JsonValue value : archived) {
            JsonObject account = value.asJsonObject();
            String email = account.getString("email");
            this.accounts.findByEmail(email).ifPresentOrElse(
                    found -> accounts.put(account.getJsonNumber("id").longValue(), found.id()),
                    () -> unknown.add(email));
        }
    }

    private void restoreMembers(JsonArray emails) {
        for (JsonValue email : emails) {
            accounts.findActiveByEmail(((JsonString) email).getString()).ifPresent(found -> members.restore(found.id()));
        }
    }

    /** Each identity continues after the imported rows instead of colliding with them. */
    private void continueIdentities() {
        for (ArchivedTable table : ArchivedTable.ALL) {
            if (table.identity()) {
                em.createNativeQuery("SELECT setval(pg_get_serial_sequence('" + table.name() + "', 'id'), "
                        + "coalesce(max(id), 1), count(*) > 0) FROM " + table.name()).getSingleResult();
            }
        }
    }

    /** Whatever the archive's groups say, the owner of this tenant stays an Administrator. */
    private void keepOwnerAdministrator() {
        context.tenant().terms().ownerId().ifPresent(owner -> {
            members.restore(owner);
            em.createNativeQuery("INSERT INTO group_member (group_id, account_id) SELECT id, ? FROM access_group "
                    + "WHERE built_in AND name = 'Administrator' ON CONFLICT DO NOTHING").setParameter(1, owner)
                    .executeUpdate();
        });
    }

    private void forgetFilesUnlessCommitted(Tenant tenant, List<String> written) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // the rows decide: files follow them after the outcome is known
            }

            @Override
            public void afterCompletion(int status) {
                if (status != Status.STATUS_COMMITTED) {
                    written.forEach(name -> files.delete(tenant, name));
                }
            }
        });
    }

    private static void requireFormat(JsonObject manifest) {
        if (manifest.getInt("format", 0) != TenantExport.FORMAT) {
            throw unreadable("format " + manifest.get("format") + " is not " + TenantExport.FORMAT);
        }
    }

    private static JsonValue json(ZipInputStream zip) throws IOException {
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(zip.readAllBytes()))) {
            return reader.readValue();
        }
    }

    private static BrokenRuleException unreadable(String why) {
        return BrokenRuleException.onField("archive", "archive.unreadable", why);
    }
}
