package io.tenantry.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * {@link KnownPermissions} trusts what it kept while a tenant's access version stands still, so every
 * method whose SQL writes a table that decides who may do what (members, groups, their members, their
 * permissions) must bump it ({@link AccessVersions#bump}), or say in a comment why not: "// Access
 * unchanged: …" (a new group has no members) or "// Access version bumped by …" (another method of the
 * same transaction). Otherwise the instances that read the permissions before keep them. Read from the
 * sources: the SQL is in string literals, which the compiler and ArchUnit do not see. An archive's import
 * writes the group tables by their names from {@code archive.ArchivedTable}, not by a literal, and bumps
 * through {@link ImportedGroups#keepAdministrators}, which it always calls once its tables are in. What it
 * cannot see: a table name built from parts of strings, and a write inside a nested class, which it judges
 * by the whole nested class.
 */
class AccessWritesTest {

    private static final Path SOURCES = Path.of("src/main/java");

    /** A write of one of the tables, schema-qualified or not, the schema given by a literal or an expression. */
    private static final Pattern WRITE = Pattern.compile("(?i)(INSERT\\s+INTO|DELETE\\s+FROM|UPDATE|TRUNCATE(\\s+TABLE)?)\\s+"
            + "(\"\\s*\\+\\s*[\\w.()]+\\s*\\+\\s*\"\\.|public\\.)?(tenant_member|group_member|group_permission|access_group)\\b");

    /** Where a member of a top-level class begins: a line indented once that is no comment, annotation or brace. */
    private static final Pattern MEMBER = Pattern.compile("(?m)^    (?![ /*@}])");

    private static final List<String> ACCOUNTED = List.of("accessVersions.bump(", "// Access unchanged: ",
            "// Access version bumped by ");

    @Test
    void everyMethodThatWritesAccessTablesBumpsTheVersionOrSaysWhyNot() throws IOException {
        List<String> unaccounted = new ArrayList<>();
        int writes = 0;
        for (Path file : javaSources()) {
            String source = Files.readString(file);
            Matcher write = WRITE.matcher(source);
            while (write.find()) {
                writes++;
                String method = memberAround(source, write.start());
                if (ACCOUNTED.stream().noneMatch(method::contains)) {
                    unaccounted.add(file.getFileName() + ": " + method.lines().findFirst().orElse("").strip());
                }
            }
        }
        assertTrue(writes >= 10, "the pattern finds the writes (Groups, Members...): " + writes);
        assertEquals(List.of(), unaccounted, "these write members, groups or permissions without bumping the access version");
    }

    @Test
    void thePatternFindsEachFormOfWrite() {
        assertTrue(WRITE.matcher("\"DELETE FROM \" + schema.quoted() + \".group_member WHERE account_id = ?\"").find());
        assertTrue(WRITE.matcher("\"INSERT INTO public.tenant_member (tenant_id, account_id)\"").find());
        assertTrue(WRITE.matcher("\"UPDATE access_group SET name = ?\"").find());
        assertTrue(WRITE.matcher("\"TRUNCATE group_permission\"").find());
        assertTrue(WRITE.matcher("\"INSERT INTO \" + schema + \".group_member (group_id\"").find());
        assertFalse(WRITE.matcher("\"SELECT 1 FROM public.tenant_member WHERE\"").find(), "a read is no write");
    }

    @Test
    void aWriteIsJudgedByItsOwnMethodNotByItsClass() {
        String source = "class Groups {\n    void counted() {\n        x(\"DELETE FROM group_member\");\n"
                + "        accessVersions.bump(1);\n    }\n\n    void forgotten() {\n        x(\"DELETE FROM group_permission\");\n    }\n}\n";
        Matcher write = WRITE.matcher(source);
        assertTrue(write.find());
        assertTrue(memberAround(source, write.start()).contains("accessVersions.bump("));
        assertTrue(write.find());
        assertFalse(memberAround(source, write.start()).contains("accessVersions.bump("), memberAround(source, write.start()));
    }

    /** The text of the class member (method, mostly) that holds the offset. */
    private static String memberAround(String source, int offset) {
        int start = 0;
        int end = source.length();
        Matcher member = MEMBER.matcher(source);
        while (member.find()) {
            if (member.start() <= offset) {
                start = member.start();
            } else {
                end = member.start();
                break;
            }
        }
        return source.substring(start, end);
    }

    private static List<Path> javaSources() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(file -> file.toString().endsWith(".java")).sorted().toList();
        }
    }
}
