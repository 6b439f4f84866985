package io.tenantry.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import io.tenantry.platform.Language;

/** Every text exists in every language Tenantry speaks: a missing key would show as ???key??? on a page. */
class BundlesTest {

    @Test
    void pagesAndMailsAreCompleteInEveryLanguage() throws IOException {
        for (String bundle : new String[] {"messages", "mail", "reasons"}) {
            TreeSet<String> english = keys("/io/tenantry/" + bundle + ".properties");
            for (var locale : Language.SUPPORTED) {
                if (!locale.getLanguage().equals("en")) {
                    assertEquals(english, keys("/io/tenantry/" + bundle + "_" + locale.getLanguage() + ".properties"),
                            bundle + " in " + locale);
                }
            }
        }
    }

    private static TreeSet<String> keys(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = BundlesTest.class.getResourceAsStream(resource)) {
            properties.load(in);
        }
        return new TreeSet<>(properties.stringPropertyNames());
    }
}
