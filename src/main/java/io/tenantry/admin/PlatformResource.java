package io.tenantry.admin;

import java.net.URI;
import java.time.OffsetDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.tenantry.access.PlanInput;
import io.tenantry.access.SubscriptionPlan;
import io.tenantry.api.ListParams;
import io.tenantry.api.PageJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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

/** The platform-wide models, on the master tenant's host only (elsewhere they do not exist: 404). */
@Path("admin")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PlatformResource {

    @Inject
    PlatformModels models;

    @Context
    UriInfo uri;

    public record PlanJson(long id, String name, String description, int priceCents, String currency,
            Integer maxMembers, boolean active) {

        static PlanJson of(SubscriptionPlan plan) {
            return new PlanJson(plan.id(), plan.name(), plan.description(), plan.priceCents(), plan.currency(),
                    plan.maxMembers(), plan.active());
        }

        PlanInput input() {
            return new PlanInput(name, description, priceCents, currency, maxMembers);
        }
    }

    public record AnnouncementJson(long id, String message, Announcement.Severity severity, OffsetDateTime startsAt,
            OffsetDateTime endsAt) {

        static AnnouncementJson of(Announcement announcement) {
            return new AnnouncementJson(announcement.id(), announcement.message(), announcement.severity(),
                    announcement.startsAt(), announcement.endsAt());
        }
    }

    /** A window of the subscription plans, cheapest first; takes {@code offset} and {@code limit}. */
    @GET
    @Path("plans")
    public PageJson<PlanJson> plans() {
        return PageJson.window(models.plans().stream().map(PlanJson::of).toList(), ListParams.window(uri));
    }

    @GET
    @Path("plans/{id}")
    public PlanJson plan(@PathParam("id") long id) {
        return PlanJson.of(models.getPlan(id));
    }

    @POST
    @Path("plans")
    @APIResponse(responseCode = "201", description = "The plan made.", content = @Content(schema = @Schema(
            implementation = PlanJson.class)))
    public Response addPlan(PlanJson plan) {
        PlanJson added = PlanJson.of(models.addPlan(require(plan).input()));
        return Response.created(URI.create(uri.getAbsolutePath() + "/" + added.id())).entity(added).build();
    }

    @PUT
    @Path("plans/{id}")
    public PlanJson changePlan(@PathParam("id") long id, PlanJson plan) {
        return PlanJson.of(models.changePlan(id, require(plan).input(), plan.active()));
    }

    @DELETE
    @Path("plans/{id}")
    @APIResponse(responseCode = "204", description = "Removed.")
    public Response removePlan(@PathParam("id") long id) {
        models.removePlan(id);
        return Response.noContent().build();
    }

    /** A window of the announcements, ended ones included, newest first; takes {@code offset} and {@code limit}. */
    @GET
    @Path("announcements")
    public PageJson<AnnouncementJson> announcements() {
        return PageJson.window(models.announcements().stream().map(AnnouncementJson::of).toList(),
                ListParams.window(uri));
    }

    @GET
    @Path("announcements/{id}")
    public AnnouncementJson announcement(@PathParam("id") long id) {
        return AnnouncementJson.of(models.getAnnouncement(id));
    }

    @POST
    @Path("announcements")
    @APIResponse(responseCode = "201", description = "The announcement made.", content = @Content(schema = @Schema(
            implementation = AnnouncementJson.class)))
    public Response announce(AnnouncementJson announcement) {
        AnnouncementJson made = AnnouncementJson.of(models.announce(require(announcement).message(),
                announcement.severity(), announcement.endsAt()));
        return Response.created(URI.create(uri.getAbsolutePath() + "/" + made.id())).entity(made).build();
    }

    @DELETE
    @Path("announcements/{id}")
    @APIResponse(responseCode = "204", description = "Ended; it stays in the list.")
    public Response end(@PathParam("id") long id) {
        models.endAnnouncement(id);
        return Response.noContent().build();
    }

    private static <T> T require(T body) {
        if (body == null) {
            throw new IllegalArgumentException("Send the item as JSON.");
        }
        return body;
    }
}
