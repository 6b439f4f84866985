package io.tenantry.workspace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.tenantry.testing.DeployedTenantry;
import io.tenantry.testing.HugeRequest;
import io.tenantry.testing.TenantFolders;
import io.tenantry.testing.Tenantry;
import jakarta.json.JsonObject;

/** Files attached to cases and executions: stored in the tenant's folder, served only there, safely. */
class AttachmentsIT extends DeployedTenantry {

    private String suffix;
    private String host;
    private Tenantry owner;
    private long caseId;

    @BeforeEach
    void aTenantWithACase() {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        owner = app.newAccount("owner-" + suffix);
        assertEquals(201, app.createTenant("att-" + suffix, "Att", "owner-" + suffix).status());
        host = Tenantry.host("att-" + suffix);
        long product = owner.post(host, "/api/products", "{\"name\":\"P\"}").json().asJsonObject()
                .getJsonNumber("id").longValue();
        caseId = owner.post(host, "/api/cases", "{\"productId\":" + product + ",\"summary\":\"Upload\"}").json()
                .asJsonObject().getJsonNumber("id").longValue();
    }

    @Test
    void aFileIsKeptUnderItsIdAndServedAsADownload() throws Exception {
        byte[] png = "\u0089PNG fake bytes".getBytes(StandardCharsets.ISO_8859_1);
        Tenantry.Reply added = owner.post(host, "/api/cases/" + caseId + "/attachments?name=..%2F..%2Fetc%2Fshot.png",
                "image/png", png);
        assertEquals(201, added.status(), added.toString());
        JsonObject attachment = added.json().asJsonObject();
        assertEquals("shot.png", attachment.getString("fileName"), "only the last part of a path is kept");
        long id = attachment.getJsonNumber("id").longValue();
        assertTrue(Files.exists(folder().resolve("attachment-" + id)), "stored under its id in the tenant's folder");

        Tenantry.Download download = owner.download(host, "/api/attachments/" + id);
        assertEquals(200, download.status());
        assertArrayEquals(png, download.body());
        assertEquals("image/png", download.header("Content-Type"));
        assertTrue(download.header("Content-Disposition").startsWith("attachment;"));
        assertEquals("nosniff", download.header("X-Content-Type-Options"));

        long page = owner.post(host, "/api/cases/" + caseId + "/attachments?name=page.html", "text/html",
                "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8)).json().asJsonObject()
                .getJsonNumber("id").longValue();
        assertEquals("application/octet-stream", owner.download(host, "/api/attachments/" + page).header("Content-Type"),
                "markup is never served as such");
        assertEquals(2, owner.get(host, "/api/cases/" + caseId + "/attachments").json().asJsonObject().getJsonArray("items").size());
    }

    @Test
    void aFileTooLargeIsRefusedAndLeavesNothing() throws Exception {
        // Sent as a client of a refused upload sends, reading the answer while it writes: the server answers
        // before reading the body and closes, and a client that first wrote all 10 MB could meet the reset of
        // the unread bytes before the answer (WildFly's part of .ci/run: "header parser received no bytes").
        HugeRequest.Answer refused = new HugeRequest(app.server(), host)
                .header("Authorization", owner.authorizationHeader()).header("Accept", "application/json")
                .header("Content-Type", "application/octet-stream")
                .send("POST", "/api/cases/" + caseId + "/attachments?name=big.bin",
                        HugeRequest.Body.of(new byte[10 * 1024 * 1024 + 1]));
        assertEquals(413, refused.status(), refused.toString());
        assertTrue(refused.body().contains("10 MB"), refused.body());
        assertEquals(0, owner.get(host, "/api/cases/" + caseId + "/attachments").json().asJsonObject().getJsonArray("items").size());
        if (Files.exists(folder())) {
            try (var left = Files.list(folder())) {
                assertEquals(0, left.count(), "no file and no partial file");
            }
        }
    }

    @Test
    void aFileOfOneTenantIsNeverServedOnAnother() {
        long id = owner.post(host, "/api/cases/" + caseId + "/attachments?name=secret.txt", "text/plain",
                "acme secret".getBytes(StandardCharsets.UTF_8)).json().asJsonObject().getJsonNumber("id").longValue();
        Tenantry other = app.newAccount("other-" + suffix);
        assertEquals(201, app.createTenant("att2-" + suffix, "Other", "other-" + suffix).status());
        String otherHost = Tenantry.host("att2-" + suffix);
        assertEquals(404, other.download(otherHost, "/api/attachments/" + id).status(), "the same id names nothing there");
        assertEquals(403, other.download(host, "/api/attachments/" + id).status(), "and its host lets strangers in to nothing");
        assertEquals(401, app.anonymous().download(host, "/api/attachments/" + id).status());
    }

    @Test
    void removingTheCaseRemovesItsAttachmentsAndTheirFiles() throws Exception {
        long id = owner.post(host, "/api/cases/" + caseId + "/attachments?name=log.txt", "text/plain",
                "log".getBytes(StandardCharsets.UTF_8)).json().asJsonObject().getJsonNumber("id").longValue();
        assertEquals(201, owner.post(host, "/api/cases/" + caseId + "/comments", "{\"text\":\"see log\"}").status());
        assertEquals(204, owner.delete(host, "/api/cases/" + caseId).status());
        assertEquals(404, owner.download(host, "/api/attachments/" + id).status());
        assertFalse(Files.exists(folder().resolve("attachment-" + id)), "the file went with its row");
    }

    private Path folder() {
        return TenantFolders.of("att-" + suffix);
    }
}
