package io.tenantry.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.tenantry.testing.DeployedTenantry;
import io.tenantry.testing.Tenantry;
import jakarta.json.JsonObject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

/** The OpenAPI document (/openapi) against the API as it answers. */
class OpenApiIT extends DeployedTenantry {

    @Test
    void everyEndpointIsDocumented() throws Exception {
        Tenantry.Reply reply = app.get(Tenantry.host("public"), "/openapi");
        Files.writeString(java.nio.file.Path.of("target", "openapi.json"), reply.body());
        JsonObject paths = reply.json().asJsonObject().getJsonObject("paths");
        TreeSet<String> documented = new TreeSet<>();
        paths.forEach((path, item) -> item.asJsonObject().keySet()
                .forEach(method -> documented.add(method.toUpperCase(Locale.ROOT) + " " + path)));
        List<String> missing = new ArrayList<>();
        for (String endpoint : endpoints()) {
            if (!documented.contains(endpoint)) {
                missing.add(endpoint);
            }
        }
        assertEquals(List.of(), missing, "endpoints missing from " + documented);
    }

    /** Every resource method of the WAR, as "METHOD /api/path", found by reflection over its classes. */
    static List<String> endpoints() throws Exception {
        java.nio.file.Path classes = java.nio.file.Path.of(RestApi.class.getResource("RestApi.class").toURI())
                .getParent().getParent().getParent().getParent();
        List<String> names;
        try (Stream<java.nio.file.Path> files = Files.walk(classes.resolve("io/tenantry"))) {
            names = files.map(file -> classes.relativize(file).toString()).filter(file -> file.endsWith(".class"))
                    .map(file -> file.replace(".class", "").replace(File.separatorChar, '.')).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> endpoints = new ArrayList<>();
        for (String name : names) {
            Class<?> type = Class.forName(name, false, OpenApiIT.class.getClassLoader());
            Path root = type.getAnnotation(Path.class);
            if (root == null) {
                continue;
            }
            for (Method method : type.getDeclaredMethods()) {
                for (var annotation : method.getAnnotations()) {
                    HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
                    if (verb != null) {
                        Path sub = method.getAnnotation(Path.class);
                        endpoints.add(verb.value() + " " + ("/api/" + root.value() + "/" + (sub == null ? "" : sub.value()))
                                .replaceAll("/+", "/").replaceAll("(.)/$", "$1"));
                    }
                }
            }
        }
        return endpoints;
    }
}
