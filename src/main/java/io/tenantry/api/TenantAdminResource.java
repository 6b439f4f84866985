package io.tenantry.api;

import java.io.InputStream;
import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import io.tenantry.access.Groups;
import io.tenantry.access.Invitations;
import io.tenantry.access.Permission;
import io.tenantry.access.TenantSettings;
import io.tenantry.tenancy.Tenant;
import io.tenantry.tenancy.TenantContext;
import io.tenantry.tenancy.TenantUrls;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** The current tenant's administration: invitations, groups, settings and logo; the services check who may. */
@Path("")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TenantAdminResource {

    @Inject
    Invitations invitations;

    @Inject
    Groups groups;

    @Inject
    TenantSettings settings;

    @Inject
    TenantContext context;

    @Inject
    TenantUrls urls;

    @Context
    HttpServletRequest request;

    @Context
    UriInfo uri;

    public record InvitationInput(String emails) {
    }

    public record GroupInput(String name, Boolean memberDefault, Set<Permission> permissions) {
    }

    public record OwnerInput(String owner) {
    }

    /** The settings; in a PUT, any field left out stays as it is. */
    public record SettingsJson(String name, String organization, Boolean publiclyReadable, List<String> extraEmails,
            String navText) {

        static SettingsJson of(Tenant tenant) {
            return new SettingsJson(tenant.name(), tenant.terms().organization(), tenant.terms().publiclyReadable(),
                    tenant.terms().extraEmails(), tenant.terms().navText());
        }
    }

    @GET
    @Path("invitations")
    public List<Invitations.Pending> pending() {
        return invitations.pending();
    }

    @POST
    @Path("invitations")
    public List<Invitations.Result> invite(InvitationInput input) {
        return invitations.invite(input == null ? null : input.emails(), urls.publicRoot(request),
                urls.rootOf(context.tenant().label(), request));
    }

    @POST
    @Path("invitations/{id}/resend")
    public Response resend(@PathParam("id") long id) {
        invitations.resend(id, urls.publicRoot(request), urls.rootOf(context.tenant().label(), request));
        return Response.noContent().build();
    }

    @DELETE
    @Path("invitations/{id}")
    public Response revoke(@PathParam("id") long id) {
        invitations.revoke(id);
        return Response.noContent().build();
    }

    @POST
    @Path("groups")
    public Response createGroup(GroupInput input) {
        long id = groups.create(Inputs.require(input).name());
        if (input.permissions() != null) {
            groups.grant(id, input.permissions());
        }
        return Response.created(URI.create(uri.getAbsolutePath() + "/" + id)).build();
    }

    /** Changes what is given: name (not built-ins), whether new members join, permissions (not Administrator's). */
    @PUT
    @Path("groups/{id}")
    public Response changeGroup(@PathParam("id") long id, GroupInput input) {
        if (input == null) {
            throw new IllegalArgumentException("Send {\"name\", \"memberDefault\", \"permissions\"} (any of them).");
        }
        if (input.name() != null) {
            groups.rename(id, input.name());
        }
        if (input.memberDefault() != null) {
            groups.markDefault(id, input.memberDefault());
        }
        if (input.permissions() != null) {
            groups.grant(id, input.permissions().isEmpty() ? EnumSet.noneOf(Permission.class) : input.permissions());
        }
        return Response.noContent().build();
    }

    @DELETE
    @Path("groups/{id}")
    public Response deleteGroup(@PathParam("id") long id) {
        groups.delete(id);
        return Response.noContent().build();
    }

    @GET
    @Path("settings")
    public SettingsJson settings() {
        settings.requireMayChange();
        return SettingsJson.of(context.tenant());
    }

    /**
     * Changes the settings sent; a field left out stays as it is (a JSON-B record cannot tell it from
     * a null, hence the {@link JsonObject} body), one sent as null is cleared (a name cannot be: 400).
     */
    @PUT
    @Path("settings")
    public SettingsJson changeSettings(JsonObject body) {
        if (body == null) {
            throw new IllegalArgumentException("Send the settings as JSON.");
        }
        SettingsJson input = JsonBodies.read(body, SettingsJson.class);
        Tenant tenant = context.tenant();
        Tenant.Terms terms = tenant.terms();
        return SettingsJson.of(settings.change(
                body.containsKey("name") ? input.name() : tenant.name(),
                body.containsKey("organization") ? input.organization() : terms.organization(),
                input.publiclyReadable() == null ? terms.publiclyReadable() : input.publiclyReadable(),
                String.join(",", body.containsKey("extraEmails")
                        ? Objects.requireNonNullElse(input.extraEmails(), List.of()) : terms.extraEmails()),
                body.containsKey("navText") ? input.navText() : terms.navText()));
    }

    /**
     * The owner offers the tenant to another member: {@code {"owner": "bob"}} (the owner's or a
     * super-user's decision); 202, as nothing changes until bob accepts.
     */
    @PUT
    @Path("settings/owner")
    public Response offerOwnership(OwnerInput input) {
        settings.offerOwnership(input == null ? null : input.owner(), urls.rootOf(context.tenant().label(), request));
        return Response.accepted().build();
    }

    /** The member offered the tenant accepts it and becomes its owner; 403 without an offer. */
    @POST
    @Path("settings/owner/acceptance")
    public Response acceptOwnership() {
        settings.acceptOwnership();
        return Response.noContent().build();
    }

    /** The logo as the body, at most 256 KiB (413 above: the body is not read past it; see BodyLimits). */
    @PUT
    @Path("settings/logo")
    @Consumes({"image/png", "image/jpeg", "image/gif", "image/webp", MediaType.APPLICATION_OCTET_STREAM})
    public Response changeLogo(InputStream image) {
        settings.changeLogo(image);
        return Response.noContent().build();
    }

    @DELETE
    @Path("settings/logo")
    public Response removeLogo() {
        settings.removeLogo();
        return Response.noContent().build();
    }
}
