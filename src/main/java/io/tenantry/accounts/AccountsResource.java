package io.tenantry.accounts;

import java.net.URI;
import java.time.OffsetDateTime;

import io.tenantry.api.ListParams;
import io.tenantry.api.PageJson;
import io.tenantry.tenancy.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
 * All accounts, on the public host, for the super-user only: tenant owners and administrators
 * manage who enters their tenant, never the accounts themselves. DELETE deactivates. A super-user
 * creating an account sets its e-mail address directly, with no confirmation link: an operator's act
 * on the platform, unlike a person claiming an address on their profile (accounts.EmailChanges).
 */
@Path("accounts")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AccountsResource {

    @Inject
    CurrentCaller caller;

    @Inject
    Accounts accounts;

    @Inject
    TenantContext context;

    @Context
    UriInfo uri;

    public record AccountJson(String username, String email, String displayName, boolean superUser, boolean active,
            boolean mayCreateTenants, OffsetDateTime createdAt, OffsetDateTime lastLoginAt) {

        static AccountJson of(Account account) {
            return new AccountJson(account.username(), account.email(), account.displayName(), account.isSuperUser(),
                    account.isActive(), account.mayCreateTenants(), account.createdAt(), account.lastLoginAt());
        }
    }

    public record NewAccount(String username, String email, String displayName, String password) {
    }

    /** A window of every account, deactivated ones included, by user name; takes {@code offset} and {@code limit}. */
    @GET
    public PageJson<AccountJson> list() {
        requireOperator();
        return PageJson.window(accounts.all().stream().map(AccountJson::of).toList(), ListParams.window(uri));
    }

    /** One account, active or deactivated; 404 for a user name of none. */
    @GET
    @Path("{username}")
    public AccountJson get(@PathParam("username") String username) {
        requireOperator();
        return AccountJson.of(accounts.find(username).orElseThrow(() -> new UnknownAccountException(username)));
    }

    @POST
    @APIResponse(responseCode = "201", description = "The account made.", content = @Content(schema = @Schema(
            implementation = AccountJson.class)))
    public Response create(NewAccount input) {
        requireOperator();
        if (input == null) {
            throw new IllegalArgumentException("Send {\"username\", \"email\", \"displayName\", \"password\"}.");
        }
        Account account = accounts.create(input.username(), input.email(), input.displayName(), input.password());
        return Response.created(URI.create(uri.getAbsolutePath() + "/" + account.username()))
                .entity(AccountJson.of(account)).build();
    }

    /** What the super-user may change of an account here: whether it may create tenants (TENANT_CREATION=permitted). */
    public record AccountChange(Boolean mayCreateTenants) {
    }

    @PUT
    @Path("{username}")
    public AccountJson change(@PathParam("username") String username, AccountChange change) {
        requireOperator();
        if (change == null || change.mayCreateTenants() == null) {
            throw new IllegalArgumentException("Send {\"mayCreateTenants\": true} or false.");
        }
        return AccountJson.of(accounts.allowTenantCreation(username, change.mayCreateTenants()));
    }

    @DELETE
    @Path("{username}")
    @APIResponse(responseCode = "204", description = "Deactivated.")
    public Response deactivate(@PathParam("username") String username) {
        requireOperator();
        accounts.deactivate(username);
        return Response.noContent().build();
    }

    private void requireOperator() {
        if (!context.tenant().isPublic()) {
            throw new NotFoundException("Accounts are managed on the public host.");
        }
        caller.requireSuperUser();
    }
}
