package io.tenantry.faces;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Collections;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import io.tenantry.platform.Language;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The one formatter of dates and times on every page ({@code #{when.dateTime(x)}}, {@code #{when.date(x)}}):
 * in the reader's language (the page's, with the region of the browser's Accept-Language for that
 * language, so {@code en-GB} reads "1 Dec 2026") and time zone. The time zone is the browser's own,
 * which {@code resources/tenantry/time-zone.js} puts in the cookie {@value #COOKIE} on every page;
 * until a host has received it (the first page a browser opens there) times are shown in
 * DISPLAY_TIME_ZONE, followed by that zone's name so that nobody mistakes them for local times.
 */
@Named("when")
@RequestScoped
public class ReadersClock {

    /** The cookie holding the browser's IANA time zone name, set by {@code time-zone.js}. */
    public static final String COOKIE = "tz";

    /** What a zone name may look like before it is even looked up (the cookie is the browser's to send, and anyone's to forge). */
    private static final Pattern ZONE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_+\\-/]{0,63}");

    @Inject
    HttpServletRequest request;

    @Inject
    Language language;

    @Inject
    DisplayTimeZone fallback;

    private Locale locale;
    private Optional<ZoneId> browserZone;

    /** A moment ({@link Instant}, {@link OffsetDateTime} or {@link ZonedDateTime}) as date and time to the minute; empty for null. */
    public String dateTime(Object moment) {
        return format(moment, DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT));
    }

    /** A moment's date in the reader's time zone; empty for null. */
    public String date(Object moment) {
        return format(moment, DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM));
    }

    /** The zone times are shown in: the browser's, else DISPLAY_TIME_ZONE. */
    public ZoneId zone() {
        return browserZone().orElse(fallback.zone());
    }

    private String format(Object moment, DateTimeFormatter style) {
        Instant instant = instantOf(moment);
        if (instant == null) {
            return "";
        }
        String text = style.withLocale(locale()).format(instant.atZone(zone()));
        return browserZone().isPresent() ? text : text + " " + fallback.zone().getId();
    }

    private static Instant instantOf(Object moment) {
        if (moment == null) {
            return null;
        }
        if (moment instanceof Instant instant) {
            return instant;
        }
        if (moment instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (moment instanceof ZonedDateTime zoned) {
            return zoned.toInstant();
        }
        throw new IllegalArgumentException("Not a moment: " + moment.getClass().getName());
    }

    /** The page's language, with the region the browser asks for in that language (if any). */
    private Locale locale() {
        if (locale == null) {
            Locale page = language.getLocale();
            locale = Collections.list(request.getLocales()).stream()
                    .filter(wanted -> wanted.getLanguage().equals(page.getLanguage()) && !wanted.getCountry().isEmpty())
                    .findFirst().orElse(page);
        }
        return locale;
    }

    private Optional<ZoneId> browserZone() {
        if (browserZone == null) {
            browserZone = Optional.ofNullable(request.getCookies()).stream().flatMap(java.util.Arrays::stream)
                    .filter(cookie -> COOKIE.equals(cookie.getName())).map(Cookie::getValue)
                    .filter(value -> ZONE_NAME.matcher(value).matches() && ZoneId.getAvailableZoneIds().contains(value))
                    .map(ZoneId::of).findFirst();
        }
        return browserZone;
    }
}
