package io.tenantry.archive;

import java.io.InputStream;
import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.tenantry.accounts.CurrentCaller;
import io.tenantry.tenancy.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The whole tenant as one zip archive: GET exports it, POST imports one into this tenant while it
 * has no workspace data (restoring a single tenant; see docs/operations.md).
 */
@Path("archive")
@ApplicationScoped
public class ArchiveResource {

    static final String ZIP = "application/zip";

    @Inject
    TenantExport export;

    @Inject
    TenantImport imports;

    @Inject
    ArchiveSpool spool;

    @Inject
    ExportSpool exports;

    @Inject
    TenantContext context;

    @Inject
    ImportsAtOnce importsAtOnce;

    @Inject
    CurrentCaller caller;

    /**
     * The tenant's archive, written whole before it is sent ({@link ExportSpool}: a client reading slowly
     * holds no database connection), with its length. 403 for those who may not export, 429 while
     * {@value ExportsAtOnce#AT_ONCE} of the tenant's exports, or of the caller's, are under way.
     */
    @GET
    @Produces(ZIP)
    @APIResponse(responseCode = "200", description = "The tenant as a zip archive.", content = @Content(mediaType = ZIP,
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response download() {
        // Checked before anything is written.
        export.requireAllowed();
        ExportSpool.Written archive = exports.write();
        String name = context.tenant().label().value() + "-" + LocalDate.now() + ".zip";
        return Response.ok(archive.content(), ZIP).header(HttpHeaders.CONTENT_LENGTH, archive.size())
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"").build();
    }

    /**
     * Imports the zip sent as the body. Who may import, into an empty tenant, and a declared length
     * within ARCHIVE_MAX_SIZE_MB are checked before any of it is read (403, 400, 413); the body is
     * then spooled outside any transaction (a slow sender holds no database connection), checked
     * whole, and imported in one transaction. 429 while the caller has another import under way on this
     * instance, or while {@value ImportsAtOnce#AT_ONCE} run ({@link ImportsAtOnce}).
     */
    @POST
    @Consumes({ZIP, MediaType.APPLICATION_OCTET_STREAM})
    @Produces(MediaType.APPLICATION_JSON)
    public TenantImport.Outcome upload(@HeaderParam(HttpHeaders.CONTENT_LENGTH) Long declaredLength,
            InputStream archive) {
        imports.requireImportable(declaredLength);
        try (ImportsAtOnce.Turn turn = importsAtOnce.begin(caller.require().accountId());
             SpooledArchive spooled = spool.spool(archive)) {
            return imports.readFrom(spooled);
        }
    }
}
