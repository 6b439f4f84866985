package io.tenantry.archive;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.io.InputStreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import io.tenantry.accounts.Account;
import io.tenantry.accounts.Accounts;
import io.tenantry.platform.BrokenRuleException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;

/**
 * The people an archive names, found here only through the e-mail addresses of {@code
 * accounts.json}: an account column's number must be an id that file lists (a number it does not
 * list, or anything but a number, is refused), and it stands for the account here with that
 * address, or for nobody when there is none. The member list ({@code members.json}) brings in people
 * who are not members yet only as invitations.
 */
final class ArchivedPeople {

    /** accounts.json and members.json are read whole, so they are held to this size (about 70,000 people). */
    static final int MAX_DOCUMENT_BYTES = 4 * 1024 * 1024;

    private final Accounts accounts;
    private final Set<Long> members;
    private final Map<Long, Optional<Long>> byArchivedId = new HashMap<>();
    private final Map<Long, String> toInvite = new LinkedHashMap<>();
    private final Set<String> unknown = new TreeSet<>();

    /** {@code members}: the accounts that are members of this tenant before the import. */
    ArchivedPeople(Accounts accounts, Set<Long> members) {
        this.accounts = accounts;
        this.members = new HashSet<>(members);
    }

    /** Reads accounts.json: a list of {@code {"id": number, "email": text}}, each id once. */
    void readAccounts(InputStream content) throws IOException {
        for (JsonValue value : document(content, ArchiveNames.ACCOUNTS).asJsonArray()) {
            if (!(value instanceof JsonObject account) || !(account.get("id") instanceof JsonNumber id)
                    || !id.isIntegral() || !(account.get("email") instanceof JsonString email)) {
                throw refusal("archive.badAccounts");
            }
            long archived = id.longValue();
            if (byArchivedId.put(archived, accounts.findByEmail(email.getString()).map(Account::id)) != null) {
                throw refusal("archive.badAccounts");
            }
            if (byArchivedId.get(archived).isEmpty()) {
                unknown.add(email.getString());
            }
        }
    }

    /** Reads members.json, a list of e-mail addresses: those of active accounts not yet members here are to be invited. */
    void readMembers(InputStream content) throws IOException {
        for (JsonValue value : document(content, ArchiveNames.MEMBERS).asJsonArray()) {
            if (!(value instanceof JsonString email)) {
                throw refusal("archive.badMembers");
            }
            accounts.findActiveByEmail(email.getString()).ifPresentOrElse(account -> {
                if (!members.contains(account.id())) {
                    toInvite.put(account.id(), account.email());
                }
            }, () -> unknown.add(email.getString()));
        }
    }

    /**
     * The account here that a checked account column names, or empty for none (null in the
     * archive, or an address without an account here); a number accounts.json does not list is refused.
     */
    Optional<Long> accountOf(JsonValue value, TableShape shape, int line, String column) {
        if (!(value instanceof JsonNumber id)) {
            return Optional.empty();
        }
        Optional<Long> here = byArchivedId.get(id.longValue());
        if (here == null) {
            throw shape.refusal("archive.unknownAccount", line, column, String.valueOf(id.longValue()));
        }
        return here;
    }

    /** Whether the account is a member here (before the import); an account about to be invited is not yet one. */
    boolean isMember(long account) {
        return members.contains(account);
    }

    boolean isInvited(long account) {
        return toInvite.containsKey(account);
    }

    /** The addresses of the people to invite, in the archive's order. */
    List<String> toInvite() {
        return new ArrayList<>(toInvite.values());
    }

    /** The addresses the archive names that have no (active) account here. */
    Set<String> unknown() {
        return unknown;
    }

    private static JsonStructure document(InputStream content, String entry) throws IOException {
        byte[] bytes = content.readNBytes(MAX_DOCUMENT_BYTES + 1);
        if (bytes.length > MAX_DOCUMENT_BYTES) {
            throw BrokenRuleException.onField("archive", "archive.documentTooLarge", entry, MAX_DOCUMENT_BYTES / 1024 / 1024);
        }
        JsonValue document = ArchiveJson.parse(new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8));
        if (document.getValueType() != JsonValue.ValueType.ARRAY) {
            throw BrokenRuleException.onField("archive", entry.equals(ArchiveNames.ACCOUNTS) ? "archive.badAccounts"
                    : "archive.badMembers");
        }
        return (JsonStructure) document;
    }

    private static BrokenRuleException refusal(String key) {
        return BrokenRuleException.onField("archive", key);
    }
}
