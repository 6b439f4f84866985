package io.tenantry.access;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.Set;

import io.tenantry.accounts.ApiTokens;
import io.tenantry.accounts.Caller;
import io.tenantry.accounts.CurrentCaller;
import io.tenantry.accounts.MyAccount;
import io.tenantry.api.ListParams;
import io.tenantry.api.PageJson;
import io.tenantry.tenancy.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The caller: who they are and what they may do on this host (any host), and their own API tokens
 * ({@link MyAccount}: not with a tenant host's session; a new token takes the password, by HTTP Basic
 * or as {@code "password"} in the body), and the invitations they accept.
 */
@Path("me")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MeResource {

    @Inject
    CurrentCaller caller;

    @Inject
    TenantAccess access;

    @Inject
    TenantContext context;

    @Inject
    MyAccount myAccount;

    @Inject
    InvitationAcceptance invitations;

    @Context
    UriInfo uri;

    /** Who is calling and how they may use the tenant of this host. */
    public record MeJson(String username, boolean superUser, String tenant, Access.Entry access,
            Set<Permission> permissions) {
    }

    public record TokenInput(String name, String password) {
    }

    /** The secret of an invitation link: {"token": "…"} (the {@code token} parameter of the mailed link). */
    @Schema(name = "InvitationToken")
    public record InvitationInput(String token) {
    }

    /** The tenant joined by accepting an invitation. */
    public record JoinedJson(String tenant, String name) {
    }

    /** A new token, as {@code GET /api/me/tokens/{id}} shows it, and its secret {@code token}, shown in this answer only. */
    public record IssuedTokenJson(long id, String name, OffsetDateTime createdAt, OffsetDateTime lastUsedAt,
            String token) {

        static IssuedTokenJson of(ApiTokens.Issued issued) {
            ApiTokens.Token made = issued.token();
            return new IssuedTokenJson(made.id(), made.name(), made.createdAt(), made.lastUsedAt(), issued.secret());
        }
    }

    @GET
    public MeJson me() {
        Caller me = caller.require();
        Access here = access.current();
        return new MeJson(me.username(), me.superUser(), context.tenant().label().value(), here.entry(),
                here.permissions());
    }

    /**
     * Accepts an invitation as the caller, who must be the account of the address it was sent to
     * (not with a tenant host's session); 400 for a link that cannot be used or is another's.
     */
    @POST
    @Path("invitations")
    public JoinedJson acceptInvitation(InvitationInput input) {
        if (input == null || input.token() == null) {
            throw new IllegalArgumentException("Send {\"token\": \"...\"} from the invitation's link.");
        }
        InvitationAcceptance.Accepted accepted = invitations.acceptAsCaller(input.token());
        return new JoinedJson(accepted.tenant().label().value(), accepted.tenant().name());
    }

    /** A window of the caller's tokens, newest first, without secrets; takes {@code offset} and {@code limit}. */
    @GET
    @Path("tokens")
    public PageJson<ApiTokens.Token> tokens() {
        return PageJson.window(myAccount.tokens(), ListParams.window(uri));
    }

    /** One of the caller's tokens, without its secret; 404 for anyone else's. */
    @GET
    @Path("tokens/{id}")
    public ApiTokens.Token token(@PathParam("id") long id) {
        return myAccount.token(id);
    }

    @POST
    @Path("tokens")
    @APIResponse(responseCode = "201", description = "The token made, with its secret.", content = @Content(schema = @Schema(
            implementation = IssuedTokenJson.class)))
    public Response createToken(TokenInput input) {
        ApiTokens.Issued issued = myAccount.createToken(input == null ? null : input.name(),
                input == null ? null : input.password());
        return Response.created(URI.create(uri.getAbsolutePath() + "/" + issued.token().id()))
                .entity(IssuedTokenJson.of(issued)).build();
    }

    @DELETE
    @Path("tokens/{id}")
    @APIResponse(responseCode = "204", description = "Revoked.")
    public Response revoke(@PathParam("id") long id) {
        myAccount.revokeToken(id);
        return Response.noContent().build();
    }
}
