package io.tenantry.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.sql.Connection;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.sql.Statement;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.tenantry.testing.DeployedTenantry;
import io.tenantry.testing.SlowUpload;
import io.tenantry.testing.TenantFolders;
import io.tenantry.testing.TestDatabase;
import io.tenantry.testing.Tenantry;
import jakarta.json.JsonObject;

/** A tenant's folder holds what its rows name: exports take nothing else, failed writes leave nothing. */
class TenantFilesIT extends DeployedTenantry {

    private static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");

    private String label;
    private String host;
    private long caseId;

    @BeforeEach
    void aTenantWithACase() {
        label = "files-" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(201, app.createTenant(label, "Files").status());
        host = Tenantry.host(label);
        long product = app.post(host, "/api/products", "{\"name\":\"P\"}").json().asJsonObject()
                .getJsonNumber("id").longValue();
        caseId = app.post(host, "/api/cases", "{\"productId\":" + product + ",\"summary\":\"Files\"}").json()
                .asJsonObject().getJsonNumber("id").longValue();
    }

    @Test
    void anExportHoldsOnlyTheFilesThatRowsName() throws IOException {
        long id = attach("kept.txt");
        assertEquals(204, app.put(host, "/api/settings/logo", "image/png", PNG).status());
        Path folder = TenantFolders.of(label);
        Files.writeString(folder.resolve("attachment-" + (id + 1000)), "left behind by an earlier life");
        Files.writeString(folder.resolve("notes"), "no row names this");

        assertEquals(List.of("files/attachment-" + id, "files/logo"), TenantFolders.filesInArchive(app.download(host, "/api/archive").body()));
    }

    @Test
    void aFolderNamedAsBeforeVersionFourOneStillServes() throws Exception {
        // Migration 4.1 kept each existing tenant's folder, named after its schema: "_public" for the public tenant.
        String legacy = "_" + label.replace('-', '_');
        try (Connection db = TestDatabase.connect(); Statement statement = db.createStatement()) {
            statement.execute("UPDATE public.tenant SET files_folder = '" + legacy + "' WHERE label = '" + label + "'");
            statement.execute("SELECT pg_notify('tenantry_tenants', '" + label + "')");
        }
        Path logo = TenantFolders.root().resolve(legacy).resolve("logo");
        // Until the notification reaches the server's directory, the logo goes to the tenant's folder before.
        // A request that found the folder before and meets the new one when it writes answers 503, as one
        // straddling a restore does (TenantDataInterceptor): it is sent again.
        for (int tries = 0; tries < 50 && !Files.exists(logo); tries++) {
            int status = app.put(host, "/api/settings/logo", "image/png", PNG).status();
            assertTrue(status == 204 || status == 503, "stored, or refused while the folder changed: " + status);
            Thread.sleep(200);
        }
        assertTrue(Files.exists(logo), "the logo is written to the folder the tenant's row names");
        assertEquals(200, app.download(host, "/logo").status());
        assertEquals(204, app.onPublic("DELETE", "/api/tenants/" + label, null).status());
        assertFalse(Files.exists(logo.getParent()), "deleting the tenant removes its folder of the old form too");
    }

    @Test
    void aSlowUploadHoldsNoDatabaseConnectionWhileItArrives() throws Exception {
        long product = app.get(host, "/api/cases/" + caseId).json().asJsonObject().getJsonNumber("productId")
                .longValue();
        long confirmed = app.post(host, "/api/cases", "{\"productId\":" + product + ",\"summary\":\"Run it\","
                + "\"status\":\"CONFIRMED\"}").json().asJsonObject().getJsonNumber("id").longValue();
        long plan = app.post(host, "/api/plans", "{\"productId\":" + product + ",\"name\":\"Slow\"}").json()
                .asJsonObject().getJsonNumber("id").longValue();
        app.post(host, "/api/plans/" + plan + "/cases", "{\"caseIds\":[" + confirmed + "]}");
        JsonObject started = app.post(host, "/api/runs", "{\"planId\":" + plan + ",\"summary\":\"Slow\"}").json()
                .asJsonObject();
        long run = started.getJsonObject("run").getJsonNumber("id").longValue();
        long execution = started.getJsonArray("executions").getJsonObject(0).getJsonNumber("id").longValue();
        // Each body would take about 4 s: with a transaction open while it is read, each such upload would
        // hold a pooled connection, and a few dozen of them would stop every tenant.
        Map<String, Integer> answers = new LinkedHashMap<>();
        answers.put("POST /api/cases/" + caseId + "/attachments?name=slow.txt", 201);
        answers.put("POST /api/runs/" + run + "/attachments?name=slow.txt", 201);
        answers.put("POST /api/runs/" + run + "/executions/" + execution + "/attachments?name=slow.txt", 201);
        answers.put("POST /api/runs/" + run + "/junit", 400);
        answers.put("PUT /api/settings/logo", 400);
        for (Map.Entry<String, Integer> expected : answers.entrySet()) {
            String[] call = expected.getKey().split(" ");
            String type = call[1].endsWith("junit") ? "application/xml" : call[1].endsWith("logo") ? "image/png" : "text/plain";
            SlowUpload slow = SlowUpload.typed(app, host, call[0], call[1], type, 10, Duration.ofMillis(400))
                    .awaitStarted();
            Thread.sleep(800);
            assertFalse(slow.status().isDone(), expected.getKey() + " is still arriving: " + slow.status().getNow(0));
            assertEquals(0, TestDatabase.idleInTransaction(label), expected.getKey() + ": no transaction waits for the body");
            assertEquals(expected.getValue(), slow.hurry().get(2, TimeUnit.MINUTES), expected.getKey());
        }
        assertEquals(3, app.get(host, "/api/cases/" + caseId + "/attachments").json().asJsonObject().getInt("total")
                + app.get(host, "/api/runs/" + run + "/attachments").json().asJsonObject().getInt("total")
                + app.get(host, "/api/runs/" + run + "/executions/" + execution + "/attachments").json().asJsonObject()
                        .getInt("total"), "each attachment stored once it arrived");
    }

    @Test
    void aFailedWriteLeavesNoPartialFile() throws IOException {
        long id = attach("first.txt");
        Path folder = TenantFolders.of(label);
        // A folder where the next attachment and the logo would be written makes their last step fail.
        Files.createDirectories(folder.resolve("attachment-" + (id + 1)).resolve("in-the-way"));
        Files.createDirectories(folder.resolve("logo").resolve("in-the-way"));

        assertNotEquals(201, app.post(host, "/api/cases/" + caseId + "/attachments?name=second.txt", "text/plain",
                "second".getBytes(StandardCharsets.UTF_8)).status());
        assertNotEquals(204, app.put(host, "/api/settings/logo", "image/png", PNG).status());

        assertEquals(List.of("attachment-" + id, "attachment-" + (id + 1), "logo"), TenantFolders.namesIn(folder),
                "no .part file stays");
        assertEquals(1, app.get(host, "/api/cases/" + caseId + "/attachments").json().asJsonObject().getJsonArray("items").size());
    }

    private long attach(String name) {
        Tenantry.Reply added = app.post(host, "/api/cases/" + caseId + "/attachments?name=" + name, "text/plain",
                name.getBytes(StandardCharsets.UTF_8));
        assertEquals(201, added.status(), added.toString());
        return added.json().asJsonObject().getJsonNumber("id").longValue();
    }
}
