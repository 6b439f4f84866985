package io.tenantry.audit;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.tenantry.api.ListParams;
import io.tenantry.api.PageJson;
import io.tenantry.platform.BrokenRuleException;
import io.tenantry.platform.ListQuery;
import io.tenantry.tenancy.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;

/**
 * The audit trail, read only: {@code GET /api/audit} (this tenant's, for its owner and
 * Administrators), {@code GET /api/audit/platform} (every entry, for super-users on the master
 * host), each also exported whole as CSV or JSON. There is no method that writes: PUT, POST and
 * DELETE answer 405. Lists take {@code offset}, {@code limit}, {@code order} and the filters of
 * {@link AuditFilter}.
 */
@Path("audit")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    static final String CSV = "text/csv";

    @Inject
    AuditLog log;

    @Inject
    TenantContext context;

    @Context
    UriInfo uri;

    /** A window of this tenant's trail, oldest first ({@code order=desc}: newest first). */
    @GET
    public PageJson<AuditJson> tenant() {
        ListQuery query = window();
        return PageJson.of(log.ofTenant(AuditFilter.of(query.filters(), false), query).map(AuditJson::of));
    }

    /** This tenant's trail as CSV, every entry the filters take, oldest first. */
    @GET
    @Path("export.csv")
    @Produces(CSV)
    @APIResponse(responseCode = "200", description = "The trail as CSV.", content = @Content(mediaType = CSV,
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response tenantCsv() {
        return tenantExport(AuditExport.CSV);
    }

    /** This tenant's trail as JSON ({@code {"items":[…]}}), every entry the filters take, oldest first. */
    @GET
    @Path("export.json")
    @APIResponse(responseCode = "200", description = "The trail as JSON.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AuditJson.Document.class)))
    public Response tenantJson() {
        return tenantExport(AuditExport.JSON);
    }

    /** A window of the platform's trail: every tenant's entries and the platform's own. */
    @GET
    @Path("platform")
    public PageJson<AuditJson> platform() {
        ListQuery query = window();
        return PageJson.of(log.ofPlatform(AuditFilter.of(query.filters(), true), query).map(AuditJson::of));
    }

    /** The platform's trail as CSV. */
    @GET
    @Path("platform/export.csv")
    @Produces(CSV)
    @APIResponse(responseCode = "200", description = "The platform's trail as CSV.", content = @Content(
            mediaType = CSV, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response platformCsv() {
        return platformExport(AuditExport.CSV);
    }

    /** The platform's trail as JSON. */
    @GET
    @Path("platform/export.json")
    @APIResponse(responseCode = "200", description = "The platform's trail as JSON.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AuditJson.Document.class)))
    public Response platformJson() {
        return platformExport(AuditExport.JSON);
    }

    private ListQuery window() {
        ListQuery query = ListParams.of(uri);
        if (query.sort() != null) {
            throw BrokenRuleException.onField("sort", "audit.unknownFilter", "sort", "");
        }
        return query;
    }

    private Response tenantExport(AuditExport format) {
        AuditFilter filter = AuditFilter.of(ListParams.of(uri).filters(), false);
        // Checked before the first byte: once streaming, a refusal could no longer change the status.
        log.requireTenantReader();
        return stream(format, filter, log::tenantRowsAfter, context.tenant().label().value());
    }

    private Response platformExport(AuditExport format) {
        AuditFilter filter = AuditFilter.of(ListParams.of(uri).filters(), true);
        log.requirePlatformReader();
        return stream(format, filter, log::platformRowsAfter, "platform");
    }

    private static Response stream(AuditExport format, AuditFilter filter, AuditLog.Rows rows, String what) {
        StreamingOutput body = out -> format.write(filter, rows, out);
        return Response.ok(body, format.mediaType())
                .header("Content-Disposition", "attachment; filename=\"" + format.fileName(what) + "\"").build();
    }
}
