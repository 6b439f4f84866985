package io.tenantry.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import jakarta.servlet.http.HttpServletResponse;

/**
 * A redirect to a path of this host stays relative, so a browser behind a TLS proxy comes back on
 * https; one to another host, or to what a browser takes for another host, is left to the container.
 */
class RelativeRedirectsTest {

    @Test
    void aPathOfThisHostGoesOutAsItIs() throws Exception {
        Map<String, Object> sent = new HashMap<>();
        new RelativeRedirects.Relative(recording(sent)).sendRedirect("/cases.xhtml?id=4");
        assertEquals(302, sent.get("status"));
        assertEquals("/cases.xhtml?id=4", sent.get("Location"));
        assertEquals(null, sent.get("sendRedirect"), "the container never makes it absolute");
    }

    @Test
    void anotherHostOrWhatLooksLikeOneIsTheContainers() throws Exception {
        for (String location : new String[] {"https://acme.example.com/", "//evil.example.com/", "/\\evil.example.com",
                "/\t/evil.example.com", "/\n/evil.example.com", "cases.xhtml"}) {
            Map<String, Object> sent = new HashMap<>();
            new RelativeRedirects.Relative(recording(sent)).sendRedirect(location);
            assertEquals(location, sent.get("sendRedirect"), location);
            assertEquals(null, sent.get("Location"), location);
        }
    }

    private static HttpServletResponse recording(Map<String, Object> sent) {
        return (HttpServletResponse) Proxy.newProxyInstance(RelativeRedirectsTest.class.getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, method, arguments) -> {
                    switch (method.getName()) {
                        case "setStatus" -> sent.put("status", arguments[0]);
                        case "setHeader" -> sent.put((String) arguments[0], arguments[1]);
                        case "sendRedirect" -> sent.put("sendRedirect", arguments[0]);
                        case "isCommitted" -> {
                            return false;
                        }
                        default -> {
                        }
                    }
                    return null;
                });
    }
}
