package io.tenantry.access;

import java.io.InputStream;
import java.util.List;
import java.util.Objects;

import io.tenantry.api.JsonBodies;
import io.tenantry.api.ListParams;
import io.tenantry.api.PageJson;
import io.tenantry.tenancy.Tenant;
import io.tenantry.tenancy.TenantContext;
import io.tenantry.tenancy.TenantUrls;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The current tenant's settings, its ownership and its logo ({@code /api/settings}); the service
 * ({@code access.TenantSettings}) checks who may.
 */
@Path("settings")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SettingsResource {

    @Inject
    TenantSettings settings;

    @Inject
    TenantContext context;

    @Inject
    TenantUrls urls;

    @Inject
    TenantTermsDirectory tenantTerms;

    @Inject
    TermsAsRead termsAsRead;

    @Context
    HttpServletRequest request;

    @Context
    UriInfo uri;

    public record OwnerInput(String owner) {
    }

    /**
     * The tenant's subscription plan: its name and description, {@code memberLimit} (absent: no limit)
     * and what the tenant uses of it, {@code members} and {@code pendingInvitations}.
     */
    @Schema(name = "TenantPlan")
    public record PlanJson(String plan, String description, Integer memberLimit, long members,
            long pendingInvitations) {

        static PlanJson of(MemberLimit.Use use) {
            return new PlanJson(use.plan().name(), use.plan().description(), use.plan().maxMembers(), use.members(),
                    use.pending());
        }
    }

    /** The settings; in a PUT, any field left out stays as it is. */
    public record SettingsJson(String name, String organization, Boolean publiclyReadable, List<String> extraEmails,
            String navText) {

        static SettingsJson of(Tenant tenant, TenantTerms terms) {
            return new SettingsJson(tenant.name(), terms.organization(), terms.publiclyReadable(), terms.extraEmails(),
                    terms.navText());
        }
    }

    @GET
    public SettingsJson settings() {
        settings.requireMayChange();
        return SettingsJson.of(context.tenant(), termsAsRead.terms());
    }

    /**
     * Changes the settings sent; a field left out stays as it is (a JSON-B record cannot tell it from
     * a null, hence the {@link JsonObject} body), one sent as null is cleared (a name cannot be: 400).
     */
    @RequestBody(content = @Content(schema = @Schema(implementation = SettingsJson.class)))
    @PUT
    public SettingsJson changeSettings(JsonObject body) {
        if (body == null) {
            throw new IllegalArgumentException("Send the settings as JSON.");
        }
        SettingsJson input = JsonBodies.read(body, SettingsJson.class);
        Tenant tenant = context.tenant();
        TenantTerms terms = termsAsRead.terms();
        Tenant changed = settings.change(
                body.containsKey("name") ? input.name() : tenant.name(),
                body.containsKey("organization") ? input.organization() : terms.organization(),
                input.publiclyReadable() == null ? terms.publiclyReadable() : input.publiclyReadable(),
                String.join(",", body.containsKey("extraEmails")
                        ? Objects.requireNonNullElse(input.extraEmails(), List.of()) : terms.extraEmails()),
                body.containsKey("navText") ? input.navText() : terms.navText());
        return SettingsJson.of(changed, tenantTerms.of(changed));
    }

    /** The tenant's plan and what it uses of it, for whoever may see the settings. */
    @GET
    @Path("plan")
    public PlanJson plan() {
        return PlanJson.of(settings.plan());
    }

    /** The tenant's paid periods, newest first, for its owner or a super-user; takes {@code offset} and {@code limit}. */
    @GET
    @Path("renewals")
    public PageJson<Renewals.Renewal> renewals() {
        return PageJson.window(settings.renewals(), ListParams.window(uri));
    }

    /**
     * The owner offers the tenant to another member: {@code {"owner": "bob"}} (the owner's or a
     * super-user's decision); 202, as nothing changes until bob accepts.
     */
    @PUT
    @Path("owner")
    @APIResponse(responseCode = "202", description = "Offered: nothing changes until the member accepts.")
    public Response offerOwnership(OwnerInput input) {
        settings.offerOwnership(input == null ? null : input.owner(), urls.rootOf(context.tenant().label(), request));
        return Response.accepted().build();
    }

    /** The member offered the tenant accepts it and becomes its owner; 403 without an offer. */
    @POST
    @Path("owner/acceptance")
    @APIResponse(responseCode = "204", description = "The caller owns the tenant.")
    public Response acceptOwnership() {
        settings.acceptOwnership();
        return Response.noContent().build();
    }

    /** The logo as the body, at most 256 KiB (413 above: the body is not read past it; see BodyLimits). */
    @PUT
    @Path("logo")
    @APIResponse(responseCode = "204", description = "The logo is replaced.")
    @Consumes({"image/png", "image/jpeg", "image/gif", "image/webp", MediaType.APPLICATION_OCTET_STREAM})
    public Response changeLogo(InputStream image) {
        settings.changeLogo(image);
        return Response.noContent().build();
    }

    @DELETE
    @Path("logo")
    @APIResponse(responseCode = "204", description = "The tenant has no logo.")
    public Response removeLogo() {
        settings.removeLogo();
        return Response.noContent().build();
    }
}
