package io.tenantry.platform;

/**
 * Texts that name something on one line (a tenant's name, a person's display name, an
 * organisation): they appear in mail subjects and greetings as well as on pages, so a line break
 * or another control character would let whoever typed them write the rest of Tenantry's message.
 */
public final class SingleLine {

    private SingleLine() {
    }

    /**
     * {@code text} unchanged when it holds no control character (Unicode category Cc, which includes
     * CR, LF, tab and NUL) and no line or paragraph separator (U+2028, U+2029); otherwise a
     * {@link BrokenRuleException} on {@code field}. Null passes, as null.
     */
    public static String require(String field, String text) {
        if (!is(text)) {
            throw BrokenRuleException.onField(field, "text.singleLine", Reason.of("field." + field));
        }
        return text;
    }

    /** Whether {@code text} (null included) has nothing that breaks the line. */
    public static boolean is(String text) {
        return text == null || text.chars().noneMatch(SingleLine::breaksTheLine);
    }

    private static boolean breaksTheLine(int c) {
        return Character.getType(c) == Character.CONTROL || c == '\u2028' || c == '\u2029';
    }
}
