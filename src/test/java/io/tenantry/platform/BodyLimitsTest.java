package io.tenantry.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.lang.reflect.Proxy;

import org.junit.jupiter.api.Test;

import jakarta.servlet.http.HttpServletRequest;

/** Which limit each kind of request gets; a path written another way never gets a larger one. */
class BodyLimitsTest {

    private final BodyLimits limits = new BodyLimits();

    BodyLimitsTest() {
        limits.attachmentsMaxSizeMb = 10;
    }

    @Test
    void multipartIsTakenOnlyByThePagesThatUploadAndOnlyPosted() {
        assertEquals(10 * 1024 * 1024 + BodyLimits.FORM_FIELDS_BYTES,
                atMost(request("POST", "/case.xhtml", null, "multipart/form-data; boundary=x")).bytes());
        assertEquals(10 * 1024 * 1024 + BodyLimits.FORM_FIELDS_BYTES,
                atMost(request("POST", "/settings.xhtml", null, "Multipart/Form-Data; boundary=x")).bytes());
        assertInstanceOf(BodyLimits.NoMultipart.class, limits.of(request("POST", "/signin.xhtml", null, "multipart/form-data")));
        assertInstanceOf(BodyLimits.NoMultipart.class, limits.of(request("PUT", "/case.xhtml", null, "multipart/form-data")));
        assertInstanceOf(BodyLimits.NoMultipart.class, limits.of(request("POST", "/api", "/cases/1/attachments",
                "multipart/form-data")));
    }

    @Test
    void eachBodyHasItsOwnLimit() {
        assertEquals(256 * 1024, atMost(request("PUT", "/api", "/settings/logo", "image/png")).bytes());
        assertEquals(10 * 1024 * 1024, atMost(request("POST", "/api", "/cases/7/attachments", "text/plain")).bytes());
        assertEquals(10 * 1024 * 1024, atMost(request("POST", "/api", "/runs/7/executions/3/attachments", null)).bytes());
        assertEquals(10 * 1024 * 1024, atMost(request("POST", "/api", "/runs/7/junit", "application/xml")).bytes());
        assertInstanceOf(BodyLimits.ListenerCap.class, limits.of(request("POST", "/api", "/archive", "application/zip")));
        assertEquals(BodyLimits.DEFAULT_BYTES, atMost(request("POST", "/api", "/products", "application/json")).bytes());
        assertEquals(BodyLimits.DEFAULT_BYTES, atMost(request("POST", "/signin.xhtml", null,
                "application/x-www-form-urlencoded")).bytes());
    }

    @Test
    void aPathWrittenAnotherWayFallsToTheDefault() {
        assertEquals(BodyLimits.DEFAULT_BYTES, atMost(request("POST", "/api", "/archive/", "application/zip")).bytes());
        assertEquals(BodyLimits.DEFAULT_BYTES, atMost(request("POST", "/api", "/cases/x/attachments", null)).bytes());
    }

    private BodyLimits.AtMost atMost(HttpServletRequest request) {
        return assertInstanceOf(BodyLimits.AtMost.class, limits.of(request));
    }

    private static HttpServletRequest request(String method, String servletPath, String pathInfo, String contentType) {
        return (HttpServletRequest) Proxy.newProxyInstance(BodyLimitsTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, called, arguments) -> switch (called.getName()) {
                    case "getMethod" -> method;
                    case "getServletPath" -> servletPath;
                    case "getPathInfo" -> pathInfo;
                    case "getContentType" -> contentType;
                    default -> throw new UnsupportedOperationException(called.getName());
                });
    }
}
