package io.tenantry.platform;

/**
 * What any text from outside may hold before it is stored or searched for: no NUL (PostgreSQL
 * refuses it in text, and the whole request would fail) and no other C0 control character or DEL,
 * which no one types and which terminals and mail readers act upon. Tab, line feed and carriage
 * return stay allowed; texts that must stay on one line are checked by {@link SingleLine} as well.
 */
public final class PlainText {

    private PlainText() {
    }

    /**
     * {@code text} unchanged when it holds only allowed characters; otherwise a
     * {@link BrokenRuleException} on {@code field}, naming it as the client sent it. Null passes.
     */
    public static String require(String field, String text) {
        if (!is(text)) {
            throw BrokenRuleException.onField(field, "text.control", field);
        }
        return text;
    }

    /** Whether {@code text} (null included) holds no refused character. */
    public static boolean is(String text) {
        return text == null || text.chars().noneMatch(PlainText::refused);
    }

    private static boolean refused(int c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f;
    }
}
