package io.tenantry.workspace.notes;

import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.tenantry.platform.SecurityHeaders;
import io.tenantry.tenancy.TenantData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

/**
 * An attachment's bytes, served only on its own tenant's host: always as a download, typed only
 * for kinds a browser shows safely, never sniffed ({@link SecurityHeaders}), and opened, if at all,
 * as a sandbox in which nothing loads or runs. Streamed from its file, never held in memory whole.
 */
@Path("attachments")
@ApplicationScoped
@Transactional
@TenantData
public class AttachmentsResource {

    @Inject
    Attachments attachments;

    @GET
    @Path("{id}")
    @APIResponse(responseCode = "200", description = "The file, as a download: typed as stored where a browser shows that"
            + " type safely, otherwise application/octet-stream.", content = @Content(mediaType = MediaType.WILDCARD,
                    schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response download(@PathParam("id") long id) {
        Attachments.Download download = attachments.open(id);
        // Cleaned again: a name that came in through an archive import was never cleaned on upload.
        String name = Attachments.cleanName(download.attachment().fileName());
        StreamingOutput content = out -> {
            try (InputStream in = download.content()) {
                in.transferTo(out);
            }
        };
        return Response.ok(content, Attachments.servedType(download.attachment()))
                .header("Content-Length", download.size())
                .header("Content-Disposition", "attachment; filename=\"" + name.replaceAll("[^\\x20-\\x7e]", "_")
                        + "\"; filename*=UTF-8''" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"))
                .header("Content-Security-Policy", SecurityHeaders.STRICT_POLICY + "; sandbox")
                .build();
    }

    @DELETE
    @Path("{id}")
    @APIResponse(responseCode = "204", description = "Deleted.")
    public Response delete(@PathParam("id") long id) {
        attachments.remove(id);
        return Response.noContent().build();
    }
}
