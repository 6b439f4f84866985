package io.tenantry.faces;

import jakarta.json.JsonValue;

/**
 * JSON that may be written into a page: into an inline script (a chart's configuration, a widget's
 * options) or an attribute. Plain JSON keeps "&lt;/script&gt;" as it is, which ends the script
 * wherever a stranger's text holds it, and U+2028/U+2029, which end a line in older JavaScript;
 * here {@code <}, {@code >}, {@code &}, U+2028 and U+2029 are written as {@code \}{@code uXXXX}
 * escapes, which read back as the same JSON. Every page bean that hands JSON to a page goes
 * through {@link #of}.
 */
public final class ScriptJson {

    private ScriptJson() {
    }

    /** Takes any JSON value and gives its text, safe inside a script element or an HTML attribute. */
    public static String of(JsonValue value) {
        return escape(value.toString());
    }

    /**
     * The characters are escaped wherever they stand: JSON has them only inside strings, where an
     * escape means the same character.
     */
    static String escape(String json) {
        StringBuilder safe = new StringBuilder(json.length() + 16);
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            switch (c) {
                case '<', '>', '&', '\u2028', '\u2029' -> safe.append(String.format("\\u%04x", (int) c));
                default -> safe.append(c);
            }
        }
        return safe.toString();
    }
}
