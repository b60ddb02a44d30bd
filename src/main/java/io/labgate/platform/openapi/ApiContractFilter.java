package io.labgate.platform.openapi;

import io.labgate.platform.error.ErrorCode;
import io.labgate.platform.error.Problem;
import io.labgate.platform.error.ProblemCatalogue;
import io.labgate.platform.error.ProblemCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * The conventions of LabGate's API contract, applied once to the whole document so that resources declare only
 * what is particular to them:
 *
 * <ul>
 *   <li>every operation answers 400, 401, 403 and 500; every error answer is {@code application/problem+json} with
 *       the schema {@code Problem<status>}: the problem with the {@code code} values of that status (the coarse
 *       {@link ErrorCode}s and every feature's {@link ProblemCatalogue});
 *   <li>headers: {@code Location} on 201, {@code Idempotent-Replayed} on the 2xx of operations taking an
 *       {@code Idempotency-Key}, {@code Retry-After} on 429 and 503, {@code ETag} on the 2xx of operations marked
 *       with the extension {@value #ETAG} (removed here);
 *   <li>an operation shared by several resources through a superclass names its entry {@code {Entry}} or
 *       {@code {Entries}} in its operationId, replaced by the resource's collection ({@code industries}:
 *       {@code listIndustries}, {@code getIndustry}).
 * </ul>
 */
public class ApiContractFilter implements OASFilter {

    /** Operation extension: the 2xx answers carry an ETag (the representation's version, or the object's hash). */
    public static final String ETAG = "x-etag";

    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    /** The answers every operation can give, in the order they are documented. */
    private static final Map<String, String> COMMON = new TreeMap<>(
            Map.of(
                    "400", "Invalid input: see the violations",
                    "401", "No valid bearer token",
                    "403", "The caller's role may not call this operation",
                    "500", "Internal error; quote the request id",
                    "502", "A service LabGate relies on failed (object store, identity provider)",
                    "503",
                            "Unavailable for a moment (the usage log cannot record, too many waiting); retry after Retry-After"));

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Components components = openAPI.getComponents();
        addHeaders(components);
        Map<Integer, List<String>> codes = codesByStatus();
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith("/api/")) {
                item.getOperations().forEach((method, operation) -> {
                    nameSharedOperation(path, operation);
                    answersOfItsShape(path, method.name(), operation);
                    document(operation, codes, components);
                    if (method == PathItem.HttpMethod.HEAD) {
                        answersWithoutBody(operation);
                    }
                });
            }
        });
        // the Problem<status> schemas were added in the order operations were visited: sort them in with the others
        components.setSchemas(new TreeMap<>(components.getSchemas()));
        optionalPropertiesMayBeNull(components);
        dropUnusedScalars(openAPI);
    }

    /** A HEAD answer has headers only (RFC 9110 9.3.2), its errors too: their problem documents are not sent. */
    private static void answersWithoutBody(Operation operation) {
        operation.getResponses().getAPIResponses().values().forEach(response -> response.setContent(null));
    }

    /** Scalar schemas (UUID, Instant, LocalDate) no longer referenced once written out in place. */
    private static void dropUnusedScalars(OpenAPI openAPI) {
        java.util.Set<String> used = new java.util.HashSet<>();
        openAPI.getComponents().getSchemas().values().forEach(schema -> references(schema, used));
        openAPI.getPaths()
                .getPathItems()
                .values()
                .forEach(item -> item.getOperations().values().forEach(operation -> {
                    if (operation.getParameters() != null) {
                        operation.getParameters().forEach(parameter -> references(parameter.getSchema(), used));
                    }
                    if (operation.getRequestBody() != null
                            && operation.getRequestBody().getContent() != null) {
                        operation
                                .getRequestBody()
                                .getContent()
                                .getMediaTypes()
                                .values()
                                .forEach(media -> references(media.getSchema(), used));
                    }
                    if (operation.getResponses() != null
                            && operation.getResponses().getAPIResponses() != null) {
                        operation.getResponses().getAPIResponses().values().forEach(response -> {
                            if (response.getContent() != null) {
                                response.getContent()
                                        .getMediaTypes()
                                        .values()
                                        .forEach(media -> references(media.getSchema(), used));
                            }
                            if (response.getHeaders() != null) {
                                response.getHeaders().values().forEach(header -> references(header.getSchema(), used));
                            }
                        });
                    }
                }));
        Map<String, Schema> kept = new TreeMap<>(openAPI.getComponents().getSchemas());
        kept.entrySet()
                .removeIf(entry -> !used.contains(entry.getKey())
                        && entry.getValue().getEnumeration() == null
                        && entry.getValue().getType() != null
                        && !entry.getValue().getType().contains(Schema.SchemaType.OBJECT)
                        && !entry.getValue().getType().contains(Schema.SchemaType.ARRAY));
        openAPI.getComponents().setSchemas(kept);
    }

    private static void references(Schema schema, java.util.Set<String> used) {
        if (schema == null) {
            return;
        }
        if (schema.getRef() != null) {
            used.add(schema.getRef().substring(schema.getRef().lastIndexOf('/') + 1));
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(p -> references(p, used));
        }
        references(schema.getItems(), used);
        references(schema.getAdditionalPropertiesSchema(), used);
        for (List<Schema> group : java.util.Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())) {
            if (group != null) {
                group.forEach(g -> references(g, used));
            }
        }
    }

    /**
     * Says what the answers do: a property that is not required is written as {@code null} when it has no value
     * (Jackson writes record components as they are), so it is nullable ({@code type} with {@code null}, which the
     * 3.0 document shows as {@code nullable: true}). A reference to a scalar schema (UUID, Instant, LocalDate) is
     * written out in place, since a {@code $ref} takes no sibling in OpenAPI 3.0; a nested object becomes a nullable
     * {@code allOf} of its one reference.
     */
    private static void optionalPropertiesMayBeNull(Components components) {
        Map<String, Schema> shared = components.getSchemas();
        for (Schema schema : shared.values()) {
            if (schema.getProperties() == null) {
                continue;
            }
            List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
            Map<String, Schema> properties = new java.util.LinkedHashMap<>(schema.getProperties());
            properties.replaceAll((name, property) -> {
                Schema scalar = property;
                if (property.getRef() != null) {
                    Schema target = shared.get(
                            property.getRef().substring(property.getRef().lastIndexOf('/') + 1));
                    if (required.contains(name)
                            || target == null
                            || target.getType() == null
                            || target.getType().contains(Schema.SchemaType.ARRAY)) {
                        return property;
                    }
                    if (target.getEnumeration() != null || target.getType().contains(Schema.SchemaType.OBJECT)) {
                        // 3.0's way to say "this object (or enumeration) or null", keeping its named type for
                        // generators: the reference alone in an allOf, nullable
                        List<Schema.SchemaType> type = new ArrayList<>(target.getType());
                        type.add(Schema.SchemaType.NULL);
                        return OASFactory.createSchema()
                                .description(property.getDescription())
                                .addAllOf(OASFactory.createSchema().ref(property.getRef()))
                                .type(type);
                    }
                    scalar = OASFactory.createSchema()
                            .type(new ArrayList<>(target.getType()))
                            .format(target.getFormat())
                            .pattern(target.getPattern())
                            .description(target.getDescription())
                            .examples(target.getExamples());
                }
                if (required.contains(name) || scalar.getType() == null) {
                    return scalar;
                }
                return scalar.addType(Schema.SchemaType.NULL);
            });
            schema.setProperties(properties);
        }
    }

    /**
     * The errors every operation of a shape can answer, from the platform rather than from its own code: a path with
     * an id can name nothing the caller may see (404), a body can be understood and refused (422), a change can meet
     * another state (409), a change of something with an id is guarded by {@code If-Match} (412, 428).
     */
    private static void answersOfItsShape(String path, String method, Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        boolean id = path.contains("{");
        boolean change = !method.equals("GET") && !method.equals("HEAD");
        Map<String, String> answers = new TreeMap<>();
        if (id) {
            answers.put("404", "No such resource, or none the caller may see");
        }
        if (operation.getRequestBody() != null) {
            answers.put("413", "The body is larger than LabGate accepts");
            answers.put("415", "The body is not of a media type the operation reads");
            answers.put("422", "Understood but refused: the violations say why");
        }
        if (change) {
            answers.put("409", "Conflicts with the current state");
        }
        if (change && id) {
            answers.put("412", "If-Match names another version than the current one");
            answers.put("428", "If-Match is required for this change");
        }
        answers.forEach((status, description) -> {
            if (!operation.getResponses().hasAPIResponse(status)) {
                operation
                        .getResponses()
                        .addAPIResponse(status, OASFactory.createAPIResponse().description(description));
            }
        });
    }

    private static void document(Operation operation, Map<Integer, List<String>> codes, Components components) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        for (Map.Entry<String, String> common : COMMON.entrySet()) {
            if (!responses.hasAPIResponse(common.getKey())) {
                responses.addAPIResponse(
                        common.getKey(), OASFactory.createAPIResponse().description(common.getValue()));
            }
        }
        boolean etag =
                operation.getExtensions() != null && operation.getExtensions().containsKey(ETAG);
        operation.removeExtension(ETAG);
        boolean idempotent = operation.getParameters() != null
                && operation.getParameters().stream()
                        .anyMatch(p -> p.getIn() == Parameter.In.HEADER && IDEMPOTENCY_KEY.equals(p.getName()));
        responses.getAPIResponses().forEach((status, response) -> {
            if (status.startsWith("2")) {
                if (status.equals("201")) {
                    header(response, "Location");
                }
                if (etag) {
                    header(response, "ETag");
                }
                if (idempotent) {
                    header(response, "Idempotent-Replayed");
                }
            } else if (status.startsWith("4") || status.startsWith("5")) {
                response.setContent(OASFactory.createContent()
                        .addMediaType(
                                Problem.MEDIA_TYPE,
                                OASFactory.createMediaType()
                                        .schema(problemSchema(Integer.parseInt(status), codes, components))));
                if (status.equals("429") || status.equals("503")) {
                    header(response, "Retry-After");
                }
            }
        });
    }

    /** {@code Problem<status>}: the problem whose code is one of the status' codes; {@code Problem} if it has none. */
    private static Schema problemSchema(int status, Map<Integer, List<String>> codes, Components components) {
        List<String> values = codes.get(status);
        if (values == null) {
            return OASFactory.createSchema().ref("Problem");
        }
        String name = "Problem" + status;
        if (components.getSchemas() == null || !components.getSchemas().containsKey(name)) {
            Schema code = OASFactory.createSchema()
                    .type(List.of(Schema.SchemaType.STRING))
                    .description("The fine-grained reasons of a " + status + " answer")
                    .enumeration(new ArrayList<>(values));
            components.addSchema(
                    name,
                    OASFactory.createSchema()
                            .description("A problem answered with status " + status)
                            .addAllOf(OASFactory.createSchema().ref("Problem"))
                            .addAllOf(OASFactory.createSchema()
                                    .type(List.of(Schema.SchemaType.OBJECT))
                                    .addProperty("code", code)));
        }
        return OASFactory.createSchema().ref(name);
    }

    private static Map<Integer, List<String>> codesByStatus() {
        Map<Integer, List<String>> byStatus = new TreeMap<>();
        for (ProblemCode code : ProblemCatalogue.all()) {
            List<String> names = byStatus.computeIfAbsent(code.error().status(), s -> new ArrayList<>());
            if (!names.contains(code.name())) {
                names.add(code.name());
            }
        }
        return byStatus;
    }

    private static void header(APIResponse response, String name) {
        if (response.getHeaders() == null || !response.getHeaders().containsKey(name)) {
            response.addHeader(name, OASFactory.createHeader().ref(name));
        }
    }

    private static void addHeaders(Components components) {
        addHeader(components, "Location", "The created resource", null);
        addHeader(
                components,
                "ETag",
                "The representation's version (send it in If-Match to update), or an object's SHA-256",
                null);
        addHeader(
                components,
                "Idempotent-Replayed",
                "true when the answer is the stored answer of an earlier request with the same Idempotency-Key",
                List.of("true"));
        addHeader(components, "Retry-After", "Seconds to wait before trying again", null);
    }

    private static void addHeader(Components components, String name, String description, List<Object> values) {
        Schema schema = OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING));
        if (values != null) {
            schema.enumeration(values);
        }
        components.addHeader(
                name, OASFactory.createHeader().description(description).schema(schema));
    }

    /** {@code list{Entries}} on {@code /api/v1/industries} becomes {@code listIndustries}. */
    private static void nameSharedOperation(String path, Operation operation) {
        String id = operation.getOperationId();
        if (id == null || !id.contains("{")) {
            return;
        }
        String collection = path.substring("/api/v1/".length()).split("/")[0];
        StringBuilder plural = new StringBuilder();
        for (String word : collection.split("-")) {
            plural.append(word.substring(0, 1).toUpperCase(Locale.ROOT)).append(word.substring(1));
        }
        String entries = plural.toString();
        String entry = entries.endsWith("ies")
                ? entries.substring(0, entries.length() - 3) + "y"
                : entries.substring(0, entries.length() - 1);
        operation.setOperationId(id.replace("{Entries}", entries).replace("{Entry}", entry));
    }
}
