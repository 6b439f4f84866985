package io.tenantry.platform;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The path a request is served under, as the container resolved it: decoded, with dot segments
 * and path parameters ({@code ;jsessionid=…}) removed, without the context path. Rules that depend
 * on the path (which paths skip routing or the access gate, which pages live on the public host)
 * match this, never {@link HttpServletRequest#getRequestURI()}: the raw URI of
 * {@code /health/../signin.xhtml} starts with {@code /health} but the sign-in page is what runs.
 */
public final class RequestPath {

    private RequestPath() {
    }

    /** The servlet path and path info (Jakarta Servlet 6.0, §3.5), e.g. {@code /api/cases/7} or {@code /cases.xhtml}. */
    public static String of(HttpServletRequest request) {
        String servletPath = request.getServletPath() == null ? "" : request.getServletPath();
        String pathInfo = request.getPathInfo() == null ? "" : request.getPathInfo();
        String path = servletPath + pathInfo;
        return path.isEmpty() ? "/" : path;
    }

    /** Whether the path is {@code prefix} itself or below it: {@code /health} and {@code /health/ready}, not {@code /healthy}. */
    public static boolean isUnder(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix.endsWith("/") ? prefix : prefix + "/");
    }
}
