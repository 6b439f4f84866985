package io.tenantry.platform;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Why something was refused, kept as a key of {@code io/tenantry/reasons*.properties} and its
 * arguments rather than as finished words, so that each reader gets it in their own language: the
 * page's for a person, the request's Accept-Language for the API, English for the log. An argument
 * that is itself a Reason is put into words in the same language.
 */
public record Reason(String key, List<Object> arguments) {

    private static final String BUNDLE = "io.tenantry.reasons";
    // Without it, a JVM whose default locale is German would answer English requests in German.
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    /** A null argument (a field a client left out, say) is worded as nothing, rather than failing the refusal. */
    public static Reason of(String key, Object... arguments) {
        return new Reason(key, Arrays.stream(arguments).map(a -> a == null ? "" : a).toList());
    }

    public String in(Locale locale) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale, Reason.class.getClassLoader(), NO_FALLBACK);
        Object[] words = arguments.stream().map(a -> a instanceof Reason nested ? nested.in(locale) : a).toArray();
        return new MessageFormat(bundle.getString(key), locale).format(words);
    }

    public String inEnglish() {
        return in(Locale.ENGLISH);
    }

    /** The words of any failure: a reason's in the given language, anything else's own message. */
    public static String wordsOf(Throwable failure, Locale locale) {
        return failure instanceof Explained explained ? explained.reason().in(locale) : failure.getMessage();
    }
}
