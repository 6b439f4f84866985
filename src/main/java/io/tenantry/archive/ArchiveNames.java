package io.tenantry.archive;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The entry names of the archive format, and nothing else: {@code tenantry-archive.json}, {@code
 * accounts.json}, {@code members.json}, {@code tables/<table>.jsonl} for each {@link ArchivedTable},
 * {@code files/logo} and {@code files/attachment-<id>}. Any other name (a path elsewhere, a folder,
 * a backslash, an unknown table or file) is not part of an archive.
 */
final class ArchiveNames {

    static final String MANIFEST = "tenantry-archive.json";
    static final String ACCOUNTS = "accounts.json";
    static final String MEMBERS = "members.json";
    static final String FILES = "files/";
    static final String LOGO = "logo";

    private static final Pattern ATTACHMENT = Pattern.compile("attachment-([1-9][0-9]{0,17})");

    private ArchiveNames() {
    }

    static boolean isKnown(String name) {
        return name.equals(MANIFEST) || name.equals(ACCOUNTS) || name.equals(MEMBERS)
                || ArchivedTable.ALL.stream().anyMatch(table -> table.entry().equals(name))
                || name.equals(FILES + LOGO) || fileName(name).flatMap(ArchiveNames::attachmentId).isPresent();
    }

    /** The name of a file in the tenant's folder that an entry carries, if it is one. */
    static Optional<String> fileName(String entry) {
        return entry.startsWith(FILES) ? Optional.of(entry.substring(FILES.length())) : Optional.empty();
    }

    /** The attachment whose bytes a file of that name holds. */
    static Optional<Long> attachmentId(String fileName) {
        Matcher matcher = ATTACHMENT.matcher(fileName);
        return matcher.matches() ? Optional.of(Long.parseLong(matcher.group(1))) : Optional.empty();
    }

    /** The name of an attachment's bytes, as {@code workspace.Attachment} names them in the tenant's folder. */
    static String attachmentFile(long id) {
        return "attachment-" + id;
    }

    /** An entry name fit to be shown in a refusal: control characters replaced, at most 100 characters. */
    static String printable(String name) {
        String shown = name.replaceAll("\\p{Cntrl}", "?");
        return shown.length() > 100 ? shown.substring(0, 100) + "…" : shown;
    }
}
