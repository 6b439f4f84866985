package io.tenantry.api;

import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The REST API's root; its OpenAPI document is served at /openapi. */
@ApplicationPath("/api")
@OpenAPIDefinition(info = @Info(title = "Tenantry", version = "1",
        description = "Tenants on the public host; each tenant's data on its own host, <label>.<TENANTS_DOMAIN>."))
public class RestApi extends Application {
}
