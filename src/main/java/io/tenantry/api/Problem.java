package io.tenantry.api;

import java.util.Map;

import jakarta.ws.rs.core.Response;

/** An RFC 9457 problem document; {@code errors} names the fields at fault, when there are any. */
public record Problem(int status, String title, String detail, Map<String, String> errors) {

    static final String MEDIA_TYPE = "application/problem+json";

    static Response response(Response.Status status, String detail) {
        return response(status.getStatusCode(), status.getReasonPhrase(), detail, null);
    }

    static Response response(int status, String title, String detail, Map<String, String> errors) {
        return Response.status(status).type(MEDIA_TYPE).entity(new Problem(status, title, detail, errors)).build();
    }
}
