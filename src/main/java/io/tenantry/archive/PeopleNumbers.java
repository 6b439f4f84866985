package io.tenantry.archive;

import static io.tenantry.platform.JsonProviderOnce.JSON;

import java.io.StringReader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;

/**
 * The numbers an archive gives the people it names: 1, 2, … in the order of their account ids, in
 * {@code accounts.json} and in every account column of its rows. Account ids are numbered across the
 * platform, so an archive carrying them would tell its reader how many accounts others made, and how
 * fast; an import finds each person by the e-mail address {@code accounts.json} gives the number
 * ({@link ArchivedPeople}), and takes archives of either kind.
 */
final class PeopleNumbers {

    private final Map<Long, Long> numbers = new HashMap<>();

    /** {@code accountIds}: the accounts the archive names, in ascending order. */
    PeopleNumbers(List<Long> accountIds) {
        for (Long id : accountIds) {
            numbers.put(id, (long) numbers.size() + 1);
        }
    }

    /** The archive's number of this account; the account must be one given to the constructor. */
    long of(long accountId) {
        Long number = numbers.get(accountId);
        if (number == null) {
            throw new IllegalArgumentException("Account " + accountId + " is not among the archive's people");
        }
        return number;
    }

    /**
     * A row as {@code row_to_json} wrote it, with each of {@code accountColumns} holding the archive's
     * number instead of the account id (null stays null); the other fields, and their order, unchanged.
     */
    String renumbered(String row, List<String> accountColumns) {
        JsonObject read;
        try (JsonReader reader = JSON.createReader(new StringReader(row))) {
            read = reader.readObject();
        }
        JsonObjectBuilder written = JSON.createObjectBuilder();
        read.forEach((column, value) -> written.add(column, accountColumns.contains(column)
                && value instanceof JsonNumber id ? JSON.createValue(of(id.longValueExact())) : value));
        return written.build().toString();
    }
}
