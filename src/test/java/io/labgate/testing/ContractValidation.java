package io.labgate.testing;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks every answer a {@code @QuarkusTest} receives through RestAssured against the committed contract,
 * {@code docs/openapi.yaml}: an answer whose status, content type, headers or body the document does not describe
 * fails the test that received it.
 *
 * <p>Requests are not judged: tests send malformed ones on purpose. Paths the document does not hold (the S3
 * endpoint, presigned downloads, {@code /q/*}) are left alone for the same reason, as request findings.
 */
public final class ContractValidation implements QuarkusTestBeforeEachCallback {

    static final Path CONTRACT = Path.of("docs", "openapi.yaml");

    private static OpenApiValidationFilter filter;

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        install();
    }

    /** Adds the filter to RestAssured's global filters once per class loader. */
    public static synchronized void install() {
        if (filter == null) {
            filter = new OpenApiValidationFilter(validator());
        }
        if (!RestAssured.filters().contains(filter)) {
            RestAssured.filters(filter);
        }
    }

    static OpenApiInteractionValidator validator() {
        return OpenApiInteractionValidator.createForInlineApiSpecification(nullableReferencesInlined())
                .withResolveCombinators(true)
                .withLevelResolver(LevelResolver.create()
                        .withLevel("validation.request", ValidationReport.Level.IGNORE)
                        .build())
                .build();
    }

    /**
     * The contract with each "this object (or enumeration) or null" property ({@code nullable} beside an {@code allOf} of one
     * reference, how OpenAPI 3.0 says it and how generators read it) replaced by a nullable copy of the object it
     * names. The validator would otherwise merge the {@code allOf} and lose {@code nullable}.
     */
    static String nullableReferencesInlined() {
        try {
            ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
            JsonNode contract = yaml.readTree(CONTRACT.toFile());
            JsonNode schemas = contract.path("components").path("schemas");
            for (JsonNode schema : schemas) {
                if (schema.get("properties") instanceof ObjectNode properties) {
                    List<String> names = new ArrayList<>();
                    properties.fieldNames().forEachRemaining(names::add);
                    for (String name : names) {
                        JsonNode property = properties.get(name);
                        JsonNode allOf = property.path("allOf");
                        if (property.path("nullable").asBoolean()
                                && allOf.size() == 1
                                && allOf.get(0).has("$ref")) {
                            String ref = allOf.get(0).get("$ref").asText();
                            ObjectNode copy = schemas.get(ref.substring(ref.lastIndexOf('/') + 1))
                                    .deepCopy();
                            if (copy.get("enum") instanceof ArrayNode values) {
                                values.addNull(); // 3.0.3: a nullable enumeration lists null among its values
                            }
                            properties.set(name, copy.put("nullable", true));
                        }
                    }
                }
            }
            return yaml.writeValueAsString(contract);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
