package io.labgate.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import io.labgate.client.api.AccessKeysApi;
import io.labgate.client.api.AccessRequestsApi;
import io.labgate.client.api.DataAccessApi;
import io.labgate.client.api.GrantsApi;
import io.labgate.client.api.ReportsApi;
import io.labgate.client.api.UsageLogApi;
import io.labgate.client.model.AccessKeyCreated;
import io.labgate.client.model.AccessMode;
import io.labgate.client.model.AccessRequestResponse;
import io.labgate.client.model.ConsentRequest;
import io.labgate.client.model.DecisionRequest;
import io.labgate.client.model.GrantResponse;
import io.labgate.client.model.GrantStatus;
import io.labgate.client.model.Link;
import io.labgate.client.model.LinksRequest;
import io.labgate.client.model.LoggedEvent;
import io.labgate.client.model.ManifestObject;
import io.labgate.client.model.ObjectPage;
import io.labgate.client.model.PurposeCategory;
import io.labgate.client.model.Report;
import io.labgate.client.model.RequestStatus;
import io.labgate.client.model.SubmitAccessRequest;
import io.labgate.testing.ApprovedGrants;
import io.labgate.testing.DemoOrganizations;
import io.labgate.testing.PublishedDatasets;
import io.labgate.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The API contract is enough for a client generator: the access walk-through of docs/api.md, driven through the
 * Java client that openapi-generator makes from docs/openapi.yaml (target/generated-test-sources), against the
 * real service, Keycloak, PostgreSQL and object store. Each step answers the generated types, and the client's
 * JSON mapper refuses any member or enum value the contract does not document.
 */
@QuarkusTest
class GeneratedClientTest {

    @Inject
    DemoOrganizations demo;

    @BeforeEach
    void organizations() {
        ApprovedGrants.organizations(demo);
    }

    /** A client of the generated code acting as one demo user. */
    private static ApiClient as(String user) {
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://localhost:" + RestAssured.port);
        client.getObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        String token = Tokens.of(user);
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }

    @Test
    void theAccessWalkThroughRunsThroughTheGeneratedClient() throws ApiException, IOException {
        // the catalogue as docs/api.md prepares it: a published version provided by carol's organization (Jeju)
        PublishedDatasets.Published published = PublishedDatasets.publish(
                ApprovedGrants.allModes(), List.of(DemoOrganizations.JEJU), List.of("NO_REDISTRIBUTION"));
        UUID datasetId = UUID.fromString(published.datasetId());
        UUID versionId = UUID.fromString(published.versionId());

        // 1. alice applies
        AccessRequestResponse applied = new AccessRequestsApi(as(Tokens.ALICE))
                .submitAccessRequest(
                        new SubmitAccessRequest()
                                .datasetVersionIds(List.of(versionId))
                                .projectTitle("Generated client " + PublishedDatasets.suffix())
                                .purpose("Train and prove a model in the lab")
                                .purposeCategory(PurposeCategory.RESEARCH)
                                .periodFrom(OffsetDateTime.now(ZoneOffset.UTC))
                                .periodUntil(OffsetDateTime.now(ZoneOffset.UTC).plusDays(30))
                                .accessModes(
                                        Set.of(AccessMode.STREAM, AccessMode.PRESIGNED_URL, AccessMode.S3_ENDPOINT))
                                .termsVersion(PublishedDatasets.TERMS),
                        UUID.randomUUID().toString());
        assertThat(applied.getStatus()).isEqualTo(RequestStatus.AWAITING_CONSENT);
        assertThat(new AccessRequestsApi(as(Tokens.ALICE))
                        .getAccessRequest(applied.getId())
                        .getId())
                .isEqualTo(applied.getId());

        // 2. carol consents, 3. the operator approves
        AccessRequestResponse consented = new AccessRequestsApi(as(Tokens.CAROL))
                .answerConsent(datasetId, applied.getId(), new ConsentRequest().decision("GRANTED"));
        assertThat(consented.getStatus()).isEqualTo(RequestStatus.UNDER_REVIEW);
        AccessRequestResponse approved = new AccessRequestsApi(as(Tokens.OPERATOR))
                .decideAccessRequest(
                        applied.getId(), new DecisionRequest().approve(true).reason("generated client"));
        assertThat(approved.getStatus()).isEqualTo(RequestStatus.APPROVED);

        // 4. alice's grant
        List<GrantResponse> grants = new GrantsApi(as(Tokens.ALICE))
                .listGrants(null, null, applied.getId(), null, null, null)
                .getItems();
        assertThat(grants).hasSize(1);
        GrantResponse grant = grants.get(0);
        assertThat(grant.getStatus()).isEqualTo(GrantStatus.ACTIVE);
        assertThat(new GrantsApi(as(Tokens.ALICE)).getGrant(grant.getId()).getDatasetVersionId())
                .isEqualTo(versionId);

        // the data: list the objects, presigned links, stream a range
        DataAccessApi data = new DataAccessApi(as(Tokens.ALICE));
        ObjectPage objects = data.listGrantObjects(grant.getId(), null, null, null);
        assertThat(objects.getObjects())
                .extracting(ManifestObject::getKey)
                .containsExactlyInAnyOrder("a.bin", "b.bin"); // relative to the version's prefix d/
        List<Link> links = data.createDownloadLinks(grant.getId(), new LinksRequest().keys(List.of("a.bin")))
                .getLinks();
        assertThat(links).singleElement().satisfies(link -> {
            assertThat(link.getKey()).isEqualTo("a.bin");
            assertThat(link.getUrl()).isNotBlank();
            assertThat(link.getExpiresAt()).isAfter(OffsetDateTime.now(ZoneOffset.UTC));
        });
        File range = data.downloadObject(grant.getId(), "a.bin", null, "bytes=10-19");
        assertThat(Files.readAllBytes(range.toPath()))
                .isEqualTo(Arrays.copyOfRange(published.objects().get("d/a.bin"), 10, 20));

        // an S3 access key, shown once
        AccessKeyCreated key = new AccessKeysApi(as(Tokens.ALICE)).createAccessKey(grant.getId());
        assertThat(key.getGrantId()).isEqualTo(grant.getId());
        assertThat(key.getAccessKeyId()).isNotBlank();
        assertThat(key.getSecretAccessKey()).isNotBlank();

        // the usage events of the grant, as alice sees them
        List<LoggedEvent> events = new UsageLogApi(as(Tokens.ALICE))
                .listUsageEvents(null, null, grant.getId(), null, null, 100, null, null)
                .getItems();
        assertThat(events).extracting(LoggedEvent::getAction).contains("OBJECT_LISTED", "LINK_ISSUED");

        // the report, as the auditor reads it
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Report report = new ReportsApi(as(Tokens.AUDITOR))
                .getReport(today.minusDays(1).toString(), today.plusDays(1).toString(), null, null, null, null);
        assertThat(report.getSections()).isNotEmpty();
        assertThat(report.getSummary()).isNotEmpty();
        assertThat(report.getGeneratedAt()).isNotNull();
    }
}
