package io.tenantry.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * {@link KnownPermissions} trusts what it kept while a tenant's count of access changes stands still, so
 * every class whose SQL writes a table that decides who may do what (members, groups, their members,
 * their permissions) must count its change ({@link MembershipChanges}), or the instances that read the
 * permissions before would keep them. Read from the sources: the SQL is in string literals, which the
 * compiler and ArchUnit do not see. An archive's import writes the group tables by their names from
 * {@code archive.ArchivedTable}, not by a literal, and counts through {@link ImportedGroups}, which it
 * always calls once its tables are in.
 */
class MembershipWritesTest {

    private static final Path SOURCES = Path.of("src/main/java");

    /** A write of one of the tables, schema-qualified or not, the schema given by a literal or an expression. */
    private static final Pattern WRITE = Pattern.compile("(?i)(INSERT\\s+INTO|DELETE\\s+FROM|UPDATE)\\s+"
            + "(\"\\s*\\+\\s*[\\w.()]+\\s*\\+\\s*\"\\.|public\\.)?(tenant_member|group_member|group_permission|access_group)\\b");

    @Test
    void everyClassThatWritesAccessTablesCountsTheChange() throws IOException {
        List<Path> writers = writers();
        assertFalse(writers.isEmpty(), "the pattern finds the writes (Groups, Members...)");
        List<String> uncounted = writers.stream().filter(file -> !read(file).contains("changes.count("))
                .map(Path::toString).toList();
        assertEquals(List.of(), uncounted, "these write members, groups or permissions without counting the change");
    }

    @Test
    void thePatternFindsEachFormOfWrite() {
        assertTrue(WRITE.matcher("\"DELETE FROM \" + schema.quoted() + \".group_member WHERE account_id = ?\"").find());
        assertTrue(WRITE.matcher("\"INSERT INTO public.tenant_member (tenant_id, account_id)\"").find());
        assertTrue(WRITE.matcher("\"UPDATE access_group SET name = ?\"").find());
        assertTrue(WRITE.matcher("\"INSERT INTO \" + schema + \".group_member (group_id\"").find());
        assertFalse(WRITE.matcher("\"SELECT 1 FROM public.tenant_member WHERE\"").find(), "a read is no write");
    }

    private static List<Path> writers() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> WRITE.matcher(read(file)).find()).sorted().toList();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
