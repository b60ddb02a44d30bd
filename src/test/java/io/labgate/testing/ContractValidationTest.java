package io.labgate.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import org.junit.jupiter.api.Test;

/** The check every HTTP test's answers go through refuses what the contract does not describe, and only that. */
class ContractValidationTest {

    private static final String VERSIONS = "/api/v1/datasets/7deef3f3-125b-4bed-9c60-443611a9c3f0/versions";
    private static final String OBJECT = "/api/v1/grants/7deef3f3-125b-4bed-9c60-443611a9c3f0/objects/images%2Fa.jpg";

    private final OpenApiInteractionValidator validator = ContractValidation.validator();

    @Test
    void aVersionWithoutAttestationIsWhatTheContractSays() {
        assertThat(errors(Request.Method.POST, VERSIONS, json(201, "{\"label\":\"v1\",\"attestation\":null}")))
                .isEmpty();
    }

    @Test
    void anOptionalEnumerationMayBeNullButNotAnUnknownValue() {
        String history = "/api/v1/access-requests/7deef3f3-125b-4bed-9c60-443611a9c3f0/history";
        assertThat(errors(Request.Method.GET, history, json(200, "[{\"from\":null,\"to\":\"SUBMITTED\"}]")))
                .isEmpty();
        assertThat(errors(Request.Method.GET, history, json(200, "[{\"from\":\"NOPE\",\"to\":\"SUBMITTED\"}]")))
                .anyMatch(m -> m.getKey().equals("validation.response.body.schema.enum"));
    }

    @Test
    void aFieldOfTheWrongTypeFails() {
        assertThat(errors(Request.Method.POST, VERSIONS, json(201, "{\"label\":\"v1\",\"attestation\":\"yes\"}")))
                .anyMatch(m -> m.getKey().equals("validation.response.body.schema.type"));
    }

    @Test
    void aProblemCodeTheStatusDoesNotListFails() {
        String problem = "{\"type\":\"urn:labgate:problem:x\",\"status\":404,\"code\":\"QUOTA_EXCEEDED\"}";
        assertThat(errors(Request.Method.GET, VERSIONS, problem(404, problem)))
                .anyMatch(m -> m.getKey().equals("validation.response.body.schema.enum"));
        assertThat(errors(Request.Method.GET, VERSIONS, problem(404, problem.replace("QUOTA_EXCEEDED", "NOT_FOUND"))))
                .isEmpty();
    }

    @Test
    void anUndocumentedStatusFails() {
        assertThat(errors(Request.Method.GET, VERSIONS, problem(418, "{\"status\":418}")))
                .anyMatch(m -> m.getKey().equals("validation.response.status.unknown"));
    }

    @Test
    void aHeadAnswerHasNoBodyEvenWhenItRefuses() {
        assertThat(errors(
                        Request.Method.HEAD,
                        OBJECT,
                        SimpleResponse.Builder.status(403).build()))
                .isEmpty();
    }

    private java.util.List<ValidationReport.Message> errors(
            Request.Method method, String path, SimpleResponse response) {
        return validator.validateResponse(path, method, response).getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .toList();
    }

    private static SimpleResponse json(int status, String body) {
        return SimpleResponse.Builder.status(status)
                .withContentType("application/json")
                .withBody(body)
                .build();
    }

    private static SimpleResponse problem(int status, String body) {
        return SimpleResponse.Builder.status(status)
                .withContentType("application/problem+json")
                .withBody(body)
                .build();
    }
}
