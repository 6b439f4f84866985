package io.tenantry.api;

import jakarta.ws.rs.core.Response;

/** An RFC 9457 problem document. */
public record Problem(int status, String title, String detail) {

    static final String MEDIA_TYPE = "application/problem+json";

    static Response response(Response.Status status, String detail) {
        return Response.status(status).type(MEDIA_TYPE)
                .entity(new Problem(status.getStatusCode(), status.getReasonPhrase(), detail)).build();
    }
}
