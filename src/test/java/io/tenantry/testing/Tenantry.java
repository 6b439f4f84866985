package io.tenantry.testing;

import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import jakarta.json.Json;
import jakarta.json.JsonValue;

/**
 * The application under test, reached over HTTP the way browsers reach it: by host name. The
 * connection always goes to the test server; the Host header chooses the tenant.
 */
public final class Tenantry {

    public static final String DOMAIN = "tenantry.test";
    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "test-secret";

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private final URI server;

    public Tenantry(URL deploymentUrl) {
        URI url = URI.create(deploymentUrl.toString());
        this.server = URI.create("http://localhost:" + url.getPort());
    }

    /** The WAR that Maven built, deployed at the root context as in production. */
    public static WebArchive war() {
        return ShrinkWrap.create(ZipImporter.class, "ROOT.war")
                .importFrom(new File(System.getProperty("tenantry.test.war"))).as(WebArchive.class);
    }

    public static String host(String label) {
        return label + "." + DOMAIN;
    }

    /** Waits until the database is prepared; the deployment is up before that. */
    public Tenantry awaitReady() {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (send(HttpRequest.newBuilder(server.resolve("/health/ready")).GET(), null).status() == 200) {
                    return this;
                }
            } catch (UncheckedIOException notListeningYet) {
                // Payara Micro is still starting
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("Tenantry did not become ready in 90 s");
    }

    public Reply get(String host, String path) {
        return send(request(host, path).GET(), null);
    }

    public Reply delete(String host, String path) {
        return send(request(host, path).DELETE(), null);
    }

    public Reply post(String host, String path, String json) {
        return send(request(host, path).POST(body(json)).header("Content-Type", "application/json"), null);
    }

    public Reply put(String host, String path, String json) {
        return send(request(host, path).PUT(body(json)).header("Content-Type", "application/json"), null);
    }

    /** The same calls, signed in as the bootstrap super-user. */
    public Reply asAdmin(String method, String path, String json) {
        HttpRequest.Builder request = request(host("public"), path)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (ADMIN + ":" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return send(request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : body(json)), null);
    }

    public Reply createTenant(String label, String name) {
        return asAdmin("POST", "/api/tenants", "{\"label\":\"" + label + "\",\"name\":\"" + name + "\"}");
    }

    public Reply sendRaw(String hostHeader, String path) {
        return send(HttpRequest.newBuilder(server.resolve(path)).header("Host", hostHeader).GET(), null);
    }

    private HttpRequest.Builder request(String host, String path) {
        return HttpRequest.newBuilder(server.resolve(path)).header("Host", host).header("Accept", "application/json")
                .timeout(Duration.ofSeconds(30));
    }

    private static HttpRequest.BodyPublisher body(String json) {
        return HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8);
    }

    private static Reply send(HttpRequest.Builder request, Void unused) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(), response.headers().firstValue("Content-Type").orElse(""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An HTTP answer; {@link #json()} parses the body. */
    public record Reply(int status, String body, String contentType) {

        public JsonValue json() {
            try (var reader = Json.createReader(new StringReader(body))) {
                return reader.readValue();
            }
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
