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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
 * list, or anything but a number, is refused), and it stands for that address, and for the account
 * here with it when there is one. The member list ({@code members.json}) brings in the addresses
 * that are not members' yet only as invitations, whether or not they have an account: nothing an
 * import does or answers depends on which addresses have one, so an archive cannot probe them.
 */
final class ArchivedPeople {

    /** accounts.json and members.json are read whole, so they are held to this size (about 70,000 people). */
    static final int MAX_DOCUMENT_BYTES = 4 * 1024 * 1024;

    private final Accounts accounts;
    private final Set<Long> members;
    private final Map<Long, Person> byArchivedId = new HashMap<>();
    /** The member list's addresses of people who are not members yet, by the address in lower case. */
    private final Map<String, String> toInvite = new LinkedHashMap<>();

    /** Someone an account column names: the archive's address, and the account here with it, if any. */
    record Person(String email, Optional<Long> account) {
    }

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
            Person person = new Person(email.getString(), accounts.findByEmail(email.getString()).map(Account::id));
            if (byArchivedId.put(archivedId(id).orElseThrow(() -> refusal("archive.badAccounts")), person) != null) {
                throw refusal("archive.badAccounts");
            }
        }
    }

    /**
     * Reads members.json, a list of e-mail addresses: every one that is not the address of an active
     * member here is to be invited, with an account or without (the invitation's link registers one).
     */
    void readMembers(InputStream content) throws IOException {
        for (JsonValue value : document(content, ArchiveNames.MEMBERS).asJsonArray()) {
            if (!(value instanceof JsonString email)) {
                throw refusal("archive.badMembers");
            }
            boolean member = accounts.findActiveByEmail(email.getString()).map(Account::id).filter(members::contains)
                    .isPresent();
            if (!member) {
                toInvite.putIfAbsent(email.getString().strip().toLowerCase(Locale.ROOT), email.getString());
            }
        }
    }

    /**
     * The person a checked account column names, or empty for nobody (null in the archive); a
     * number accounts.json does not list is refused.
     */
    Optional<Person> personOf(JsonValue value, TableShape shape, int line, String column) {
        if (!(value instanceof JsonNumber id)) {
            return Optional.empty();
        }
        Person person = archivedId(id).map(byArchivedId::get).orElse(null);
        if (person == null) {
            throw shape.refusal("archive.unknownAccount", line, column, id.toString());
        }
        return Optional.of(person);
    }

    /**
     * An account's number in the archive; empty unless a whole number within 64 bits (cut to 64 bits,
     * two different numbers would name one person).
     */
    private static Optional<Long> archivedId(JsonNumber id) {
        try {
            return Optional.of(id.longValueExact());
        } catch (ArithmeticException e) {
            return Optional.empty();
        }
    }

    /** Whether the person has an account here that is a member (before the import); one about to be invited is not yet one. */
    boolean isMember(Person person) {
        return person.account().filter(members::contains).isPresent();
    }

    boolean isMember(long account) {
        return members.contains(account);
    }

    /** Whether the member list names the person's address as one to invite. */
    boolean isInvited(Person person) {
        return toInvite.containsKey(person.email().strip().toLowerCase(Locale.ROOT));
    }

    /** The addresses of the people to invite, in the archive's order. */
    List<String> toInvite() {
        return new ArrayList<>(toInvite.values());
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
