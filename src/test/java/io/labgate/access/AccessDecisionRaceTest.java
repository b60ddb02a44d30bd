package io.labgate.access;

import static io.labgate.access.AccessFlows.body;
import static io.labgate.access.AccessFlows.decide;
import static io.labgate.access.AccessFlows.status;
import static io.labgate.access.AccessFlows.submitted;
import static org.assertj.core.api.Assertions.assertThat;

import io.labgate.testing.DemoOrganizations;
import io.labgate.testing.PublishedDatasets;
import io.labgate.testing.PublishedDatasets.Published;
import io.labgate.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Operators deciding one request at the same moment: exactly one decision, exactly one set of grants. */
@QuarkusTest
class AccessDecisionRaceTest {

    private static final int OPERATORS = 8;

    @Inject
    DemoOrganizations demo;

    @Test
    void concurrentApprovalsProduceExactlyOneDecisionAndOneSetOfGrants() throws Exception {
        String id = underReviewWithTwoVersions();
        List<Integer> statuses = race(
                OPERATORS,
                i -> decide(Tokens.OPERATOR, id, true, "approved at once").statusCode());
        assertThat(statuses).containsOnly(200, 409);
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);

        UUID request = UUID.fromString(id);
        try (Connection db = PublishedDatasets.database()) {
            assertThat(count(db, "SELECT count(*) FROM access_grant WHERE request_id = ?", request))
                    .isEqualTo(2);
            assertThat(count(
                            db,
                            "SELECT count(*) FROM grant_change c JOIN access_grant g ON g.id = c.grant_id "
                                    + "WHERE g.request_id = ? AND c.action = 'CREATED'",
                            request))
                    .isEqualTo(2);
            assertThat(count(
                            db,
                            "SELECT count(*) FROM request_transition WHERE request_id = ? "
                                    + "AND to_status = 'APPROVED'",
                            request))
                    .isEqualTo(1);
        }
        assertThat(status(id)).isEqualTo("APPROVED");
    }

    @Test
    void concurrentApprovalsAndRejectionsLeaveExactlyOneDecision() throws Exception {
        String id = underReviewWithTwoVersions();
        List<Integer> statuses = race(
                OPERATORS,
                i -> decide(Tokens.OPERATOR, id, i % 2 == 0, i % 2 == 0 ? "approved" : "rejected")
                        .statusCode());
        assertThat(statuses).containsOnly(200, 409);
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);

        String decided = status(id);
        assertThat(decided).isIn("APPROVED", "REJECTED");
        UUID request = UUID.fromString(id);
        try (Connection db = PublishedDatasets.database()) {
            assertThat(count(db, "SELECT count(*) FROM access_grant WHERE request_id = ?", request))
                    .isEqualTo(decided.equals("APPROVED") ? 2 : 0);
            assertThat(count(
                            db,
                            "SELECT count(*) FROM request_transition WHERE request_id = ? "
                                    + "AND to_status IN ('APPROVED', 'REJECTED')",
                            request))
                    .isEqualTo(1);
        }
    }

    @Test
    void requestsWaitingSideBySideNeverGiveMoreGrantsThanThePolicyAllowsAlsoWhenApprovedAtOnce() throws Exception {
        demo.ensure(DemoOrganizations.ALPHA);
        demo.ensure(DemoOrganizations.JEJU);
        PublishedDatasets.active(DemoOrganizations.ALPHA);
        Map<String, Object> terms = PublishedDatasets.policyTerms();
        terms.put("consentRequired", false);
        terms.put("maxConcurrentGrants", 2);
        Published data = PublishedDatasets.publish(terms, List.of(DemoOrganizations.JEJU), List.of());
        // each is accepted at submission: no grant is live yet
        List<String> waiting = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            waiting.add(submitted(Tokens.ALICE, body(data.versionId())));
        }
        Tokens.of(Tokens.OPERATOR);
        List<Integer> statuses = race(
                waiting.size(),
                i -> decide(Tokens.OPERATOR, waiting.get(i), true, "at once").statusCode());
        assertThat(statuses).containsOnly(200, 409);
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(2);
        try (Connection db = PublishedDatasets.database()) {
            assertThat(count(
                            db,
                            "SELECT count(*) FROM access_grant WHERE dataset_version_id = ? AND status = 'ACTIVE'",
                            UUID.fromString(data.versionId())))
                    .isEqualTo(2);
        }
    }

    private String underReviewWithTwoVersions() {
        demo.ensure(DemoOrganizations.ALPHA);
        demo.ensure(DemoOrganizations.JEJU);
        PublishedDatasets.active(DemoOrganizations.ALPHA);
        Map<String, Object> terms = PublishedDatasets.policyTerms();
        terms.put("consentRequired", false);
        Published data = PublishedDatasets.publish(terms, List.of(DemoOrganizations.JEJU), List.of());
        String second = PublishedDatasets.publishedVersion(data.datasetId(), data.objects());
        String id = submitted(Tokens.ALICE, body(data.versionId(), second));
        assertThat(status(id)).isEqualTo("UNDER_REVIEW");
        Tokens.of(Tokens.OPERATOR); // fetch the token before the race
        return id;
    }

    /** Runs {@code n} calls released at the same instant; answers their HTTP statuses. */
    private static List<Integer> race(int n, java.util.function.IntFunction<Integer> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                int index = i;
                Callable<Integer> task = () -> {
                    start.await();
                    return call.apply(index);
                };
                answers.add(pool.submit(task));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get(60, TimeUnit.SECONDS));
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    private static long count(Connection db, String sql, UUID id) throws Exception {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setObject(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
