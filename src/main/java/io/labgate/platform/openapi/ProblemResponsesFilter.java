package io.labgate.platform.openapi;

import io.labgate.platform.error.Problem;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Documents once, for every API operation, the answers that every operation can give: 401 without a valid
 * token, 403 when the role may not call it, 400 for bad input and 500 — all as problem+json — so resources
 * declare only what is particular to them.
 */
public class ProblemResponsesFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith("/api/")) {
                item.getOperations().values().forEach(ProblemResponsesFilter::addCommonProblems);
            }
        });
    }

    private static void addCommonProblems(Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        add(responses, "400", "Invalid input: see the violations");
        add(responses, "401", "No valid bearer token");
        add(responses, "403", "The caller's role may not call this operation");
        add(responses, "500", "Internal error; quote the request id");
    }

    private static void add(APIResponses responses, String status, String description) {
        if (responses.hasAPIResponse(status)) {
            return;
        }
        Content content = OASFactory.createContent()
                .addMediaType(
                        Problem.MEDIA_TYPE,
                        OASFactory.createMediaType()
                                .schema(OASFactory.createSchema().ref("Problem")));
        responses.addAPIResponse(
                status, OASFactory.createAPIResponse().description(description).content(content));
    }
}
