package io.tenantry.platform;

import static io.tenantry.platform.JsonProviderOnce.JSON;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Writes an error straight from a servlet filter, before JAX-RS or Faces are reached: a problem
 * document for API clients, a short page for people, in the language the request asks for.
 */
public final class ProblemResponse {

    private ProblemResponse() {
    }

    public static void send(HttpServletRequest request, HttpServletResponse response, int status, Reason titleReason,
            Reason detailReason) throws IOException {
        Locale locale = Language.localeOf(request);
        String title = titleReason.in(locale);
        String detail = detailReason.in(locale);
        SecurityHeaders.addTo(response);
        response.setStatus(status);
        response.setCharacterEncoding("UTF-8");
        if (wantsJson(request)) {
            response.setContentType("application/problem+json");
            response.getWriter().write(JSON.createObjectBuilder()
                    .add("status", status).add("title", title).add("detail", detail).build().toString());
        } else {
            response.setContentType("text/html");
            response.getWriter().write("<!DOCTYPE html><html lang=\"" + locale.getLanguage() + "\"><head><meta charset=\"utf-8\"><title>"
                    + escape(title) + "</title></head><body style=\"font-family:sans-serif;margin:4em auto;"
                    + "max-width:40em\"><h1>" + escape(title) + "</h1><p>" + escape(detail) + "</p></body></html>");
        }
    }

    /**
     * 503 with {@code Retry-After}: the database was out of reach, nothing was written, the same
     * request may be sent again in {@link DatabaseUnavailable#RETRY_AFTER_SECONDS} seconds.
     */
    public static void sendDatabaseUnavailable(HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        response.setHeader("Retry-After", Integer.toString(DatabaseUnavailable.RETRY_AFTER_SECONDS));
        send(request, response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, Reason.of("database.unavailable.title"),
                Reason.of("database.unavailable"));
    }

    /** Whether the client is a program (the API, or one asking for JSON) rather than a person's browser. */
    public static boolean wantsJson(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return RequestPath.isUnder(RequestPath.of(request), "/api") || (accept != null && accept.contains("json"));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
