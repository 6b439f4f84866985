package io.tenantry.platform;

import java.util.Locale;

/**
 * A person's text as a SQL {@code LIKE} pattern that finds it anywhere in a value, and nothing else:
 * {@code %}, {@code _} and the escape character itself are matched literally, so {@code ?summary=%}
 * finds summaries containing "%" instead of every row. Use with {@code LIKE ? ESCAPE '\'}
 * (SQL:2016 §8.5; the same in JPQL, Jakarta Persistence 3.1 §4.6.10).
 */
public final class LikePattern {

    /** The escape character to name in the {@code ESCAPE} clause. */
    public static final char ESCAPE = '\\';

    private LikePattern() {
    }

    /** {@code %text%} with the wildcards of {@code text} escaped; null counts as empty (matches everything). */
    public static String containing(String text) {
        return "%" + escaped(text == null ? "" : text) + "%";
    }

    /** As {@link #containing}, lower-cased in the root locale, to compare with {@code LOWER(column)}. */
    public static String containingLowerCase(String text) {
        return containing(text == null ? "" : text.toLowerCase(Locale.ROOT));
    }

    private static String escaped(String text) {
        StringBuilder pattern = new StringBuilder(text.length() + 8);
        for (char c : text.toCharArray()) {
            if (c == ESCAPE || c == '%' || c == '_') {
                pattern.append(ESCAPE);
            }
            pattern.append(c);
        }
        return pattern.toString();
    }
}
