package io.tenantry.api;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Gives each operation of the OpenAPI document the status codes it answers with. Payara documents a
 * method that returns its entity as a "default" answer, which JAX-RS sends as 200: that one becomes
 * 200. Where a method names its answers ({@code @APIResponse}: 201 for a create, 204 for a delete),
 * Payara's "default" guess (an untyped object) is dropped. Wired by {@code mp.openapi.filter} in
 * META-INF/microprofile-config.properties.
 */
public class OpenApiAnswers implements OASFilter {

    @Override
    public Operation filterOperation(Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null || responses.getDefaultValue() == null) {
            return operation;
        }
        boolean named = responses.getAPIResponses().keySet().stream().anyMatch(code -> !code.equals(APIResponses.DEFAULT));
        if (!named) {
            responses.addAPIResponse("200", responses.getDefaultValue().description("The answer."));
        }
        responses.removeAPIResponse(APIResponses.DEFAULT);
        return operation;
    }
}
