package io.labgate.platform.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.labgate.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Who may call what, for every endpoint, Polaris-style: each role that is allowed gets past authorization
 * (whatever the answer then is), every other role gets 403, and no token gets 401. A new endpoint belongs in
 * this table.
 */
@QuarkusTest
class RoleMatrixTest {

    private static final String OP = Tokens.OPERATOR;
    private static final String AUD = Tokens.AUDITOR;
    private static final String AI = Tokens.ALICE;
    private static final String PROV = Tokens.CAROL;
    private static final Set<String> ALL = Set.of(OP, AUD, AI, PROV);
    private static final Set<String> STAFF = Set.of(OP, AUD);
    private static final Set<String> OPERATOR_ONLY = Set.of(OP);
    private static final Set<String> STAFF_AND_AI = Set.of(OP, AUD, AI);
    private static final Set<String> AI_ONLY = Set.of(AI);
    private static final Set<String> PROVIDER_ONLY = Set.of(PROV);

    /** An operation, by its operationId, with the roles that may call it. */
    record Endpoint(String operationId, Set<String> allowed) {
        @Override
        public String toString() {
            return operationId;
        }
    }

    /** Method and path template of an operation. */
    record Route(String method, String path) {}

    private static final String CONTRACT = "docs/openapi.yaml";

    /** Where each operation of the committed contract lives (OpenApiContractTest keeps it equal to /q/openapi). */
    private static final Map<String, Route> ROUTES = routes();

    @SuppressWarnings("unchecked")
    private static Map<String, Route> routes() {
        Map<String, Object> document;
        try (Reader reader = Files.newBufferedReader(Path.of(CONTRACT), StandardCharsets.UTF_8)) {
            document = new ObjectMapper(new YAMLFactory()).readValue(reader, Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Route> routes = new TreeMap<>();
        ((Map<String, Map<String, Object>>) document.get("paths"))
                .forEach((path, operations) -> operations.forEach((method, operation) -> {
                    if (operation instanceof Map<?, ?> op && op.get("operationId") instanceof String id) {
                        routes.put(id, new Route(method.toUpperCase(Locale.ROOT), path));
                    }
                }));
        return routes;
    }

    private static final String ID = UUID.randomUUID().toString();

    /** Every operation of the API, by its operationId, with the roles that may call it. */
    static List<Endpoint> endpoints() {
        return List.of(
                new Endpoint("listServers", ALL),
                new Endpoint("registerServer", OPERATOR_ONLY),
                new Endpoint("getServer", ALL),
                new Endpoint("updateServer", OPERATOR_ONLY),
                new Endpoint("retireServer", OPERATOR_ONLY),
                new Endpoint("listMaintenanceWindows", ALL),
                new Endpoint("scheduleMaintenance", OPERATOR_ONLY),
                new Endpoint("cancelMaintenance", OPERATOR_ONLY),
                new Endpoint("listBuckets", STAFF),
                new Endpoint("registerBucket", OPERATOR_ONLY),
                new Endpoint("getBucket", STAFF),
                new Endpoint("updateBucket", OPERATOR_ONLY),
                new Endpoint("reconcileBucket", OPERATOR_ONLY),
                new Endpoint("listBucketUsageSamples", STAFF),
                new Endpoint("listPolicies", ALL),
                new Endpoint("createPolicy", OPERATOR_ONLY),
                new Endpoint("getPolicy", ALL),
                new Endpoint("listPolicyVersions", ALL),
                new Endpoint("createPolicyVersion", OPERATOR_ONLY),
                new Endpoint("getPolicyVersion", ALL),
                new Endpoint("updatePolicyVersion", OPERATOR_ONLY),
                new Endpoint("listIndustries", ALL),
                new Endpoint("createIndustry", OPERATOR_ONLY),
                new Endpoint("getIndustry", ALL),
                new Endpoint("updateIndustry", OPERATOR_ONLY),
                new Endpoint("listAiTechnologies", ALL),
                new Endpoint("createAiTechnology", OPERATOR_ONLY),
                new Endpoint("getAiTechnology", ALL),
                new Endpoint("updateAiTechnology", OPERATOR_ONLY),
                new Endpoint("listOrganizations", ALL),
                new Endpoint("createOrganization", OPERATOR_ONLY),
                new Endpoint("getMyOrganization", ALL),
                new Endpoint("getOrganization", ALL),
                new Endpoint("updateOrganization", OPERATOR_ONLY),
                new Endpoint("activateOrganization", OPERATOR_ONLY),
                new Endpoint("suspendOrganization", OPERATOR_ONLY),
                new Endpoint("listDatasets", ALL),
                new Endpoint("createDataset", OPERATOR_ONLY),
                new Endpoint("getDataset", ALL),
                new Endpoint("updateDataset", OPERATOR_ONLY),
                new Endpoint("listDatasetVersions", ALL),
                new Endpoint("createDatasetVersion", OPERATOR_ONLY),
                new Endpoint("getDatasetVersion", ALL),
                new Endpoint("listDatasetVersionObjects", ALL),
                new Endpoint("buildManifest", OPERATOR_ONLY),
                new Endpoint("attestDatasetVersion", OPERATOR_ONLY),
                new Endpoint("publishDatasetVersion", OPERATOR_ONLY),
                new Endpoint("retireDatasetVersion", OPERATOR_ONLY),
                new Endpoint("getCatalogueCoverage", ALL),
                new Endpoint("rotateOrganizationCredentials", OPERATOR_ONLY),
                new Endpoint("listBookings", STAFF_AND_AI),
                new Endpoint("createBooking", OPERATOR_ONLY),
                new Endpoint("getGpuHours", STAFF_AND_AI),
                new Endpoint("getBooking", STAFF_AND_AI),
                new Endpoint("cancelBooking", OPERATOR_ONLY),
                new Endpoint("submitAccessRequest", AI_ONLY),
                new Endpoint("listAccessRequests", ALL),
                new Endpoint("getAccessRequest", ALL),
                new Endpoint("listAccessRequestHistory", ALL),
                new Endpoint("withdrawAccessRequest", AI_ONLY),
                new Endpoint("answerConsent", PROVIDER_ONLY),
                new Endpoint("withdrawConsent", PROVIDER_ONLY),
                new Endpoint("decideAccessRequest", OPERATOR_ONLY),
                new Endpoint("listExclusions", PROVIDER_ONLY),
                new Endpoint("excludeOrganization", PROVIDER_ONLY),
                new Endpoint("removeExclusion", PROVIDER_ONLY),
                new Endpoint("listGrants", ALL),
                new Endpoint("getGrant", ALL),
                new Endpoint("listGrantHistory", ALL),
                new Endpoint("suspendGrant", OPERATOR_ONLY),
                new Endpoint("resumeGrant", OPERATOR_ONLY),
                new Endpoint("revokeGrant", OPERATOR_ONLY),
                new Endpoint("extendGrant", OPERATOR_ONLY),
                new Endpoint("listAttestations", STAFF_AND_AI),
                new Endpoint("getAttestation", STAFF_AND_AI),
                new Endpoint("submitAttestation", AI_ONLY),
                new Endpoint("decideAttestation", OPERATOR_ONLY),
                new Endpoint("createAccessKey", AI_ONLY),
                new Endpoint("listAccessKeys", STAFF_AND_AI),
                new Endpoint("revokeAccessKey", Set.of(OP, AI)),
                new Endpoint("listGrantObjects", AI_ONLY),
                new Endpoint("downloadObject", AI_ONLY),
                new Endpoint("submitExport", AI_ONLY),
                new Endpoint("listExports", ALL),
                new Endpoint("getExport", ALL),
                new Endpoint("reviewExport", Set.of(OP, PROV)),
                new Endpoint("resubmitExport", AI_ONLY),
                new Endpoint("downloadExportArtifact", Set.of(OP, AI, PROV)),
                new Endpoint("headObject", AI_ONLY),
                new Endpoint("createDownloadLinks", AI_ONLY),
                new Endpoint("listUsageEvents", STAFF_AND_AI),
                new Endpoint("verifyUsageLog", STAFF),
                new Endpoint("listUsageCheckpoints", STAFF),
                new Endpoint("listEmailNotifications", STAFF),
                new Endpoint("listWebhooks", OPERATOR_ONLY),
                new Endpoint("createWebhook", OPERATOR_ONLY),
                new Endpoint("getWebhook", OPERATOR_ONLY),
                new Endpoint("deactivateWebhook", OPERATOR_ONLY),
                new Endpoint("listWebhookDeliveries", OPERATOR_ONLY),
                new Endpoint("getKeyEncryptionStatus", STAFF),
                new Endpoint("rewrapKeys", OPERATOR_ONLY),
                new Endpoint("getReport", STAFF),
                new Endpoint("listReportSections", STAFF),
                new Endpoint("getReportSection", STAFF));
    }

    /** A concrete path: ids become an id nobody has, version numbers 1. */
    private static String concrete(String template) {
        return template.replace("{versionNo}", "1").replaceAll("\\{[A-Za-z]+}", ID);
    }

    @Test
    void everyApiOperationIsInTheMatrix() {
        Map<String, Map<String, Object>> paths = given().accept("application/json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .path("paths");
        Set<String> documented = new TreeSet<>();
        paths.forEach((path, operations) -> {
            if (path.startsWith("/api/")) {
                operations.forEach((method, operation) -> {
                    if (!method.equals("parameters")) {
                        Object id = ((Map<?, ?>) operation).get("operationId");
                        assertThat(id)
                                .as(method + " " + path + " has an operationId")
                                .isNotNull();
                        documented.add(id.toString());
                    }
                });
            }
        });
        Set<String> inMatrix = new TreeSet<>();
        endpoints().forEach(e -> inMatrix.add(e.operationId()));
        assertThat(inMatrix).as("operations of the API and of this matrix").isEqualTo(documented);
    }

    static Stream<Arguments> matrix() {
        List<Arguments> cases = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            cases.add(Arguments.of(endpoint, null));
            for (String role : ALL) {
                cases.add(Arguments.of(endpoint, role));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("matrix")
    void eachRoleGetsExactlyItsRights(Endpoint endpoint, String user) {
        RequestSpecification request = given().contentType("application/json").body("{}");
        if (user != null) {
            request = request.auth().oauth2(Tokens.of(user));
        }
        Route route = ROUTES.get(endpoint.operationId());
        assertThat(route).as(endpoint.operationId() + " is in " + CONTRACT).isNotNull();
        int status = request.request(route.method(), concrete(route.path())).statusCode();
        if (user == null) {
            assertThat(status).as("no token").isEqualTo(401);
        } else if (endpoint.allowed().contains(user)) {
            assertThat(status).as(user + " is allowed").isNotIn(401, 403);
        } else {
            assertThat(status).as(user + " is not allowed").isEqualTo(403);
        }
    }
}
