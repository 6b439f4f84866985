package io.tenantry.api;

import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASModelReader;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter.In;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import io.tenantry.platform.ListQuery;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The OpenAPI document (/openapi), made from the resource classes themselves ({@link ResourceClasses})
 * rather than by Payara's scan, which documents a generic answer ({@link PageJson}) without its items,
 * times as objects and every method that answers a {@link Response} as an untyped object. Each
 * operation's answers: those its {@code @APIResponse} annotations name (201 with a Location header,
 * 202, 204, a download), otherwise 200 with the schema of what the method returns ({@link ApiSchemas}).
 * A method that takes a {@code JsonObject} (to tell a field left out from a null) names its body's
 * record by {@code @RequestBody}. Wired by {@code mp.openapi.model.reader} in
 * META-INF/microprofile-config.properties, with Payara's scan turned off there.
 */
public class ApiDocument implements OASModelReader {

    private static final String API_ROOT = "/api/";

    @Override
    public OpenAPI buildModel() {
        ApiSchemas schemas = new ApiSchemas();
        Map<String, PathItem> paths = new TreeMap<>();
        for (Class<?> resource : ResourceClasses.all()) {
            for (Method method : resource.getDeclaredMethods()) {
                verbOf(method).ifPresent(verb -> {
                    PathItem item = paths.computeIfAbsent(pathOf(resource, method), path -> OASFactory.createPathItem());
                    item.setOperation(PathItem.HttpMethod.valueOf(verb), operation(resource, method, schemas));
                });
            }
        }
        OpenAPIDefinition definition = RestApi.class.getAnnotation(OpenAPIDefinition.class);
        OpenAPI document = OASFactory.createOpenAPI().openapi("3.0.3").info(OASFactory.createInfo()
                .title(definition.info().title()).version(definition.info().version())
                .description(definition.info().description()))
                .paths(OASFactory.createPaths());
        paths.forEach(document.getPaths()::addPathItem);
        document.components(OASFactory.createComponents().schemas(new LinkedHashMap<>(schemas.components())));
        return document;
    }

    private static Optional<String> verbOf(Method method) {
        return Arrays.stream(method.getAnnotations()).map(a -> a.annotationType().getAnnotation(HttpMethod.class))
                .filter(verb -> verb != null).map(HttpMethod::value).findFirst();
    }

    /** "/api/" + the class's path + the method's, without doubled or trailing slashes. */
    static String pathOf(Class<?> resource, Method method) {
        Path sub = method.getAnnotation(Path.class);
        return (API_ROOT + resource.getAnnotation(Path.class).value() + "/" + (sub == null ? "" : sub.value()))
                .replaceAll("/+", "/").replaceAll("(.)/$", "$1");
    }

    private static Operation operation(Class<?> resource, Method method, ApiSchemas schemas) {
        Operation operation = OASFactory.createOperation()
                .operationId(resource.getSimpleName().replace("Resource", "").toLowerCase(Locale.ROOT) + "."
                        + method.getName());
        for (Parameter parameter : method.getParameters()) {
            PathParam inPath = parameter.getAnnotation(PathParam.class);
            QueryParam inQuery = parameter.getAnnotation(QueryParam.class);
            if (inPath != null || inQuery != null) {
                operation.addParameter(OASFactory.createParameter().name(inPath != null ? inPath.value() : inQuery.value())
                        .in(inPath != null ? In.PATH : In.QUERY).required(inPath != null)
                        .schema(schemas.of(parameter.getParameterizedType())));
            } else if (isBody(parameter)) {
                operation.requestBody(OASFactory.createRequestBody().required(true)
                        .content(body(method, parameter, schemas)));
            }
        }
        if (method.getGenericReturnType() instanceof java.lang.reflect.ParameterizedType generic
                && generic.getRawType() == PageJson.class) {
            operation.addParameter(OASFactory.createParameter().name("offset").in(In.QUERY)
                    .schema(ApiSchemas.simple(Schema.SchemaType.INTEGER, "int32").minimum(BigDecimal.ZERO)));
            operation.addParameter(OASFactory.createParameter().name("limit").in(In.QUERY)
                    .description("At most " + ListQuery.MAX_LIMIT + "; more is refused with 400.")
                    .schema(ApiSchemas.simple(Schema.SchemaType.INTEGER, "int32")
                            .maximum(BigDecimal.valueOf(ListQuery.MAX_LIMIT))));
        }
        return operation.responses(answers(resource, method, schemas));
    }

    private static boolean isBody(Parameter parameter) {
        return Arrays.stream(parameter.getAnnotations()).map(Annotation::annotationType)
                .noneMatch(type -> type.getPackageName().startsWith("jakarta.ws.rs"));
    }

    private static Content body(Method method, Parameter parameter, ApiSchemas schemas) {
        RequestBody named = method.getAnnotation(RequestBody.class);
        Schema schema = parameter.getType() == InputStream.class ? binary()
                : named != null && named.content().length > 0
                        ? schemas.of(named.content()[0].schema().implementation())
                        : schemas.of(parameter.getParameterizedType());
        Content content = OASFactory.createContent();
        for (String type : mediaTypes(method.getAnnotation(Consumes.class), method.getDeclaringClass()
                .getAnnotation(Consumes.class))) {
            content.addMediaType(type, OASFactory.createMediaType().schema(schema));
        }
        return content;
    }

    private static APIResponses answers(Class<?> resource, Method method, ApiSchemas schemas) {
        APIResponses answers = OASFactory.createAPIResponses();
        APIResponse[] named = method.getAnnotationsByType(APIResponse.class);
        List<String> produced = mediaTypes(method.getAnnotation(Produces.class), resource.getAnnotation(Produces.class));
        if (named.length == 0) {
            Type returned = method.getGenericReturnType();
            if (returned == void.class || returned == Response.class) {
                throw new IllegalStateException(resource.getSimpleName() + "." + method.getName()
                        + " answers a Response: name its answers with @APIResponse for the API document.");
            }
            answers.addAPIResponse("200", OASFactory.createAPIResponse().description("OK")
                    .content(content(produced, schemas.of(returned))));
            return answers;
        }
        for (APIResponse answer : named) {
            org.eclipse.microprofile.openapi.models.responses.APIResponse documented = OASFactory.createAPIResponse()
                    .description(answer.description());
            if (answer.content().length > 0) {
                var given = answer.content()[0];
                Schema schema = given.schema().type() == SchemaType.STRING ? binary()
                        : schemas.of(given.schema().implementation());
                documented.content(content(given.mediaType().isEmpty() ? produced : List.of(given.mediaType()), schema));
            }
            if (answer.responseCode().equals("201")) {
                documented.addHeader("Location", OASFactory.createHeader().description("The address that reads the item made.")
                        .schema(ApiSchemas.simple(Schema.SchemaType.STRING, "uri")));
            }
            answers.addAPIResponse(answer.responseCode(), documented);
        }
        return answers;
    }

    private static Content content(List<String> mediaTypes, Schema schema) {
        Content content = OASFactory.createContent();
        mediaTypes.forEach(type -> content.addMediaType(type, OASFactory.createMediaType().schema(schema)));
        return content;
    }

    private static Schema binary() {
        return ApiSchemas.simple(Schema.SchemaType.STRING, "binary");
    }

    private static List<String> mediaTypes(Annotation onMethod, Annotation onClass) {
        Annotation given = onMethod != null ? onMethod : onClass;
        if (given instanceof Consumes consumes) {
            return List.of(consumes.value());
        }
        if (given instanceof Produces produces) {
            return List.of(produces.value());
        }
        return List.of(MediaType.APPLICATION_JSON);
    }
}
