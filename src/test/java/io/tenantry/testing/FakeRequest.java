package io.tenantry.testing;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

/**
 * A servlet request for unit tests, answering only what address building and proxy rules read:
 * the peer's address, the connection's scheme and local port, the Host header and other headers.
 */
public final class FakeRequest {

    private FakeRequest() {
    }

    /** A request from {@code peer} over {@code scheme} to local port {@code localPort}, with these headers. */
    /**
     * A request for {@code url} (as the connection to the server carried it: scheme, host, path and
     * query) from {@code peer}, received on {@code localPort}.
     */
    public static HttpServletRequest to(String url, String peer, int localPort, Map<String, String> headers) {
        java.net.URI uri = java.net.URI.create(url);
        HttpServletRequest plain = of(peer, uri.getScheme(), localPort, headers);
        return (HttpServletRequest) Proxy.newProxyInstance(FakeRequest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, arguments) -> switch (method.getName()) {
                    case "getServerName" -> uri.getHost();
                    case "getRequestURI" -> uri.getRawPath();
                    case "getQueryString" -> uri.getRawQuery();
                    case "getRequestURL" -> new StringBuffer(uri.getScheme() + "://" + uri.getRawAuthority()
                            + uri.getRawPath());
                    default -> method.invoke(plain, arguments);
                });
    }

    public static HttpServletRequest of(String peer, String scheme, int localPort, Map<String, String> headers) {
        Map<String, String> byName = new HashMap<>();
        headers.forEach((name, value) -> byName.put(name.toLowerCase(), value));
        return (HttpServletRequest) Proxy.newProxyInstance(FakeRequest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, arguments) -> switch (method.getName()) {
                    case "getRemoteAddr" -> peer;
                    case "getScheme" -> scheme;
                    case "getLocalPort" -> localPort;
                    case "getHeader" -> byName.get(((String) arguments[0]).toLowerCase());
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
