package io.tenantry.platform;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The language of pages and mail: the one chosen with the switcher (a cookie), else the best match
 * of the browser's Accept-Language among those Tenantry speaks, else English.
 */
@Named
@RequestScoped
public class Language {

    /** The cookie the language switcher sets: a supported language's code. */
    public static final String COOKIE = "lang";
    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.GERMAN);

    @Inject
    HttpServletRequest request;

    public Locale getLocale() {
        return localeOf(request);
    }

    /** The same choice, where no CDI request context is at hand (servlet filters writing errors). */
    public static Locale localeOf(HttpServletRequest request) {
        return chosen(request).orElseGet(() -> negotiated(request));
    }

    public List<Locale> getSupported() {
        return SUPPORTED;
    }

    /** A language's own name for itself, for the switcher. */
    public String nameOf(Locale locale) {
        String name = locale.getDisplayLanguage(locale);
        return name.substring(0, 1).toUpperCase(locale) + name.substring(1);
    }

    private static Optional<Locale> chosen(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie cookie : cookies) {
            if (COOKIE.equals(cookie.getName())) {
                return supported(cookie.getValue());
            }
        }
        return Optional.empty();
    }

    private static Locale negotiated(HttpServletRequest request) {
        for (Locale wanted : java.util.Collections.list(request.getLocales())) {
            Optional<Locale> match = supported(wanted.getLanguage());
            if (match.isPresent()) {
                return match.get();
            }
        }
        return Locale.ENGLISH;
    }

    /** The supported language of that code ({@code "de"}), or empty. */
    public static Optional<Locale> supported(String language) {
        return SUPPORTED.stream().filter(locale -> locale.getLanguage().equals(language)).findFirst();
    }
}
