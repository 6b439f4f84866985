package io.tenantry.platform;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.tenantry.access.Permission;
import io.tenantry.tenancy.InvalidTenantLabelException;
import io.tenantry.tenancy.TenantLabel;

/** Every refusal the code can make has words, and they come out in the reader's language. */
class ReasonsTest {

    // A key given to a refusal: the last literal of "new XException(...)" or "Reason.of(...)",
    // either side of a "cond ? key : key" choice, or the kind of item that was not found.
    private static final Pattern KEY_USE = Pattern.compile(
            "(?:(?<!NoSuchItem)Exception|Reason\\.of)\\((?:\"\\w+\", )?\"([a-zA-Z][\\w.]*)\""
                    + "|\\? \"([a-zA-Z][\\w.]*)\"\\s*: \"([a-zA-Z][\\w.]*)\"|NoSuchItemException\\(\"(\\w+)\"");

    @Test
    void everyKeyTheCodeGivesIsInTheBundle() throws IOException {
        Set<String> keys = keys("/io/tenantry/reasons.properties");
        Set<String> used = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher use = KEY_USE.matcher(Files.readString(source));
                while (use.find()) {
                    for (int group = 1; group <= 3; group++) {
                        if (use.group(group) != null) {
                            used.add(use.group(group));
                        }
                    }
                    if (use.group(4) != null) {
                        used.add("kind." + use.group(4));
                    }
                }
            }
        }
        assertTrue(used.size() > 50, "the pattern finds the keys in use: " + used);
        assertAll(used.stream().map(key -> () -> assertTrue(
                key.endsWith(".") ? keys.stream().anyMatch(k -> k.startsWith(key)) : keys.contains(key),
                "no words for '" + key + "' in reasons.properties")));
    }

    @Test
    void everyPermissionCanBeNamedInARefusal() throws IOException {
        Set<String> keys = keys("/io/tenantry/reasons.properties");
        for (Permission permission : Permission.values()) {
            assertTrue(keys.contains("action." + permission.code()), permission.code());
        }
    }

    @Test
    void everyTextIsAValidPattern() throws IOException {
        for (String bundle : List.of("reasons", "reasons_de")) {
            Properties texts = properties("/io/tenantry/" + bundle + ".properties");
            for (String key : texts.stringPropertyNames()) {
                new MessageFormat(texts.getProperty(key), Locale.ENGLISH);
            }
        }
    }

    @Test
    void nestedReasonsAndNumbersFollowTheReadersLanguage() {
        Reason missing = Reason.of("noSuchItem", Reason.of("kind.group"), 12345L);
        assertEquals("There is no group with id 12345.", missing.in(Locale.ENGLISH));
        assertEquals("Es gibt kein(e) Gruppe mit der ID 12345.", missing.in(Locale.GERMAN));
        assertEquals("Too many failed sign-in attempts. Try again in one minute.",
                Reason.of("signIn.tooMany", 1L).inEnglish());
        assertTrue(Reason.of("signIn.tooMany", 15L).in(Locale.GERMAN).contains("in 15 Minuten"));
    }

    @Test
    void languagesWithoutTextsFallBackToEnglishWhateverTheServersLocale() {
        Locale serverLocale = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMAN);
            assertEquals("There is nothing here by that name.", Reason.of("notOnMaster").in(Locale.FRENCH));
            assertEquals("There is nothing here by that name.", Reason.of("notOnMaster").inEnglish());
        } finally {
            Locale.setDefault(serverLocale);
        }
    }

    @Test
    void aRefusalKeepsEnglishForTheLogAndGivesEachReaderTheirOwn() {
        InvalidTenantLabelException refused = org.junit.jupiter.api.Assertions.assertThrows(
                InvalidTenantLabelException.class, () -> TenantLabel.forNewTenant("Acme"));
        assertTrue(refused.getMessage().startsWith("Tenant label 'Acme' has upper-case letters"), refused.getMessage());
        assertTrue(Reason.wordsOf(refused, Locale.GERMAN).startsWith("Die Mandantenkennung 'Acme' enthält Großbuchstaben"),
                Reason.wordsOf(refused, Locale.GERMAN));
        assertEquals("plain", Reason.wordsOf(new IllegalStateException("plain"), Locale.GERMAN));
    }

    private static Set<String> keys(String resource) throws IOException {
        return new TreeSet<>(properties(resource).stringPropertyNames());
    }

    private static Properties properties(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = ReasonsTest.class.getResourceAsStream(resource);
                var reader = new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    @Test
    void aMissingArgumentIsWordedAsNothing() {
        assertEquals("There is no tenant with the label ''.", Reason.of("unknownTenant", (Object) null).inEnglish());
    }
}
