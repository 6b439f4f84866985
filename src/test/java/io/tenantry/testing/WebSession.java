package io.tenantry.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without JavaScript: keeps host-only cookies per host name, follows redirects across
 * our hosts when asked, and submits JSF forms with their hidden fields. Like Chromium, it says where
 * a POST, PUT or DELETE comes from ({@code Origin}, {@code Sec-Fetch-Site}): from a page of the same
 * host, unless a test makes it come from elsewhere. Every request goes to the test server, with the
 * host (and port, if any) of the URL as the Host header.
 */
public final class WebSession {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private static final Pattern INPUT = Pattern.compile("<input\\b[^>]*>");
    private static final Pattern NONCE = Pattern.compile("<script[^>]*\\snonce=\"([^\"]+)\"");
    /** What Chromium accepts when it loads a page; a script's fetch() accepts anything. */
    private static final String PAGE = "text/html";
    private static final String ANYTHING = "*/*";

    private final URI server;
    private final Map<String, Map<String, String>> cookies = new HashMap<>();

    public WebSession(URI server) {
        this.server = server;
    }

    /** A page: where it was asked for, what came back, and every cookie set. */
    public record Page(String url, int status, String body, String location, List<String> setCookies) {
    }

    public static String url(String label, String path) {
        return "http://" + Tenantry.host(label) + path;
    }

    /**
     * An address as the pages of this session keep it: without the test server's own port, which
     * Tenantry's redirects and mailed links name, so that it compares equal to {@link #url}.
     */
    public String kept(String address) {
        URI target = URI.create(address);
        return target.getPort() == server.getPort()
                ? address.replaceFirst("^(https?://[^/:]+):" + server.getPort(), "$1") : address;
    }

    public Page get(String url) {
        return send(url, HttpRequest.newBuilder().GET(), PAGE);
    }

    /** Follows redirects, as a browser does, from this page on. */
    public Page follow(Page page) {
        Page current = page;
        for (int hops = 0; current.status() / 100 == 3; hops++) {
            if (hops == 10) {
                throw new AssertionError("Too many redirects from " + page.url());
            }
            current = get(URI.create(current.url()).resolve(current.location()).toString());
        }
        return current;
    }

    /** Submits the form of this id on the page, with these fields and the button pressed. */
    public Page submit(Page page, String formId, Map<String, String> fields, String button) {
        return submit(page, formId, fields, button, Map.of());
    }

    /**
     * Submits the form as a page elsewhere would: {@code headers} replace the browser's own (such as
     * {@code Origin}); an empty value leaves the header out.
     */
    public Page submit(Page page, String formId, Map<String, String> fields, String button,
            Map<String, String> headers) {
        Map<String, String> values = hiddenFields(page, formId);
        values.putAll(fields);
        values.put(button, "");
        String body = values.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        String action = action(page, formId);
        Map<String, String> sent = new HashMap<>(Map.of("Accept", PAGE));
        sent.putAll(headers);
        return send(action, "POST", "application/x-www-form-urlencoded", body, sent);
    }

    /** The hidden fields a browser sends with the form (view state, PrimeFaces' nonce), by name. */
    public Map<String, String> hiddenFields(Page page, String formId) {
        Matcher form = form(page, formId);
        Map<String, String> values = new LinkedHashMap<>();
        Matcher input = INPUT.matcher(form.group(1));
        while (input.find()) {
            String tag = input.group();
            if ("hidden".equals(attribute(tag, "type"))) {
                values.put(attribute(tag, "name"), unescape(attribute(tag, "value")));
            }
        }
        // What PrimeFaces' script (CSP mode) adds to every form of the page: the response's nonce.
        Matcher nonce = NONCE.matcher(page.body());
        if (nonce.find()) {
            values.putIfAbsent("primefaces.nonce", nonce.group(1));
        }
        return values;
    }

    /** The address the form is sent to. */
    public String action(Page page, String formId) {
        return URI.create(page.url()).resolve(attribute(form(page, formId).group(0), "action")).toString();
    }

    /** The session's cookies for a host, as a browser would send them in a {@code Cookie} header. */
    public String cookieHeader(String host) {
        return cookies.getOrDefault(host, Map.of()).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("; "));
    }

    private static Matcher form(Page page, String formId) {
        Matcher form = Pattern.compile("<form id=\"" + Pattern.quote(formId) + "\"(.*?)</form>", Pattern.DOTALL)
                .matcher(page.body());
        if (!form.find()) {
            throw new AssertionError("No form " + formId + " on " + page.url() + ": " + page.body());
        }
        return form;
    }

    public Page post(String url) {
        return send(url, "POST", null, "", Map.of("Accept", PAGE));
    }

    /**
     * A request of any method, as a script on a page would make it: {@code headers} replace the
     * browser's own (an empty value leaves one out); {@code contentType} may be null for no body.
     */
    public Page send(String url, String method, String contentType, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder().method(method, contentType == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        Map<String, String> sent = new HashMap<>();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            // What Chromium sends with a form or fetch() from a page of the same host.
            URI target = URI.create(url);
            sent.put("Origin", "http://" + target.getHost() + (target.getPort() < 0 ? "" : ":" + target.getPort()));
            sent.put("Sec-Fetch-Site", "same-origin");
        }
        sent.putAll(headers);
        sent.forEach((name, value) -> {
            if (!value.isEmpty() && !name.equals("Accept")) {
                request.header(name, value);
            }
        });
        return send(url, request, sent.getOrDefault("Accept", ANYTHING));
    }

    public String cookie(String host, String name) {
        return cookies.getOrDefault(host, Map.of()).get(name);
    }

    /** Puts a cookie of one host on another, as someone replaying a stolen cookie would. */
    public void setCookie(String host, String name, String value) {
        cookies.computeIfAbsent(host, h -> new HashMap<>()).put(name, value);
    }

    private Page send(String url, HttpRequest.Builder request, String accept) {
        URI target = URI.create(url);
        String host = target.getHost();
        String path = target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
        // A port in the URL travels in the Host header, as a browser sends it; the test server's
        // own port is left out of the URL kept, so pages compare equal to url(label, path).
        boolean serversPort = target.getPort() < 0 || target.getPort() == server.getPort();
        request.uri(server.resolve(path)).header("Host", target.getPort() < 0 ? host : host + ":" + target.getPort())
                .header("Accept", accept)
                .timeout(Duration.ofSeconds(30));
        Map<String, String> jar = cookies.getOrDefault(host, Map.of());
        if (!jar.isEmpty()) {
            request.header("Cookie", jar.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            List<String> set = response.headers().allValues("Set-Cookie");
            for (String cookie : set) {
                String[] pair = cookie.split(";", 2)[0].split("=", 2);
                cookies.computeIfAbsent(host, h -> new HashMap<>()).put(pair[0].strip(), pair[1].strip());
            }
            String kept = serversPort ? "http://" + host + path : url;
            return new Page(kept, response.statusCode(), response.body(),
                    response.headers().firstValue("Location").orElse(""), set);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String attribute(String tag, String name) {
        Matcher value = Pattern.compile("\\s" + name + "=\"([^\"]*)\"").matcher(tag);
        return value.find() ? value.group(1) : "";
    }

    private static String unescape(String html) {
        return html.replace("&amp;", "&").replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&#39;", "'");
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
