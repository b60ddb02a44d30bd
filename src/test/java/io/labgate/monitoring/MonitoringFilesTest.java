package io.labgate.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.labgate.inventory.bucket.BucketReconcileJob;
import io.labgate.testing.ApprovedGrants.Approved;
import io.labgate.testing.DemoOrganizations;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Grafana dashboard and the Prometheus alert rules under {@code deploy/} parse, and name only metrics that
 * {@code /q/metrics} publishes once the lab has done something of each kind.
 */
@QuarkusTest
class MonitoringFilesTest {

    static final Path DASHBOARD = Path.of("deploy/grafana/dashboards/labgate.json");
    static final Path ALERTS = Path.of("deploy/prometheus/alerts.yml");
    private static final Pattern METRIC = Pattern.compile("labgate_[a-z_]+");

    @Inject
    DemoOrganizations demo;

    @Inject
    BucketReconcileJob reconcile;

    /** One of everything, so that every series (gauges with label rows included) exists. */
    @BeforeEach
    void activity() {
        Approved grant = LabActivity.grant(demo);
        LabActivity.stream(grant);
        LabActivity.server();
        reconcile.run();
    }

    @Test
    void dashboardParsesAndNamesOnlyPublishedMetrics() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(Files.readString(DASHBOARD));
        assertThat(dashboard.path("uid").asText()).isNotBlank();
        assertThat(dashboard.has("id"))
                .as("a provisioned dashboard carries no database id")
                .isFalse();
        JsonNode variables = dashboard.path("templating").path("list");
        JsonNode datasource = null;
        for (JsonNode variable : variables) {
            if ("datasource".equals(variable.path("type").asText())) {
                datasource = variable;
            }
        }
        assertThat(datasource).as("a datasource variable").isNotNull();
        assertThat(datasource.path("query").asText()).isEqualTo("prometheus");
        assertThat(datasource.path("current").path("value").asText()).isEqualTo("prometheus");

        List<String> expressions = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            if ("row".equals(panel.path("type").asText())) {
                continue;
            }
            assertThat(panel.path("datasource").path("uid").asText())
                    .as(panel.path("title").asText())
                    .isEqualTo("${" + datasource.path("name").asText() + "}");
            assertThat(panel.path("targets").size())
                    .as(panel.path("title").asText())
                    .isPositive();
            for (JsonNode target : panel.path("targets")) {
                expressions.add(target.path("expr").asText());
            }
        }
        Set<String> named = metricNames(Files.readString(DASHBOARD));
        // the new business metrics and the usage-log and bucket ones all have a panel
        assertThat(named)
                .contains(
                        "labgate_grants_active",
                        "labgate_access_requests_total",
                        "labgate_served_bytes_total",
                        "labgate_links_issued_total",
                        "labgate_access_refusals_total",
                        "labgate_server_bookings_active",
                        "labgate_server_utilisation_ratio",
                        "labgate_bucket_quota_ratio",
                        "labgate_storage_call_seconds_count",
                        "labgate_usage_chain_valid",
                        "labgate_usage_events_total",
                        "labgate_usage_log_write_seconds_count",
                        "labgate_usage_log_batch_size_count",
                        "labgate_bucket_used_bytes",
                        "labgate_grants_expiring",
                        "labgate_server_bookings_in_maintenance");
        assertThat(expressions).allSatisfy(e -> assertThat(e).isNotBlank());
        assertPublished(named);
    }

    @Test
    void alertRulesParseAndAreComplete() throws IOException {
        JsonNode rules = new YAMLMapper().readTree(Files.readString(ALERTS));
        List<String> alerts = new ArrayList<>();
        StringBuilder exprs = new StringBuilder();
        for (JsonNode group : rules.path("groups")) {
            assertThat(group.path("name").asText()).isNotBlank();
            for (JsonNode rule : group.path("rules")) {
                String name = rule.path("alert").asText();
                assertThat(name).isNotBlank();
                for (String field : List.of("expr", "for", "labels", "annotations")) {
                    assertThat(rule.has(field)).as(name + " has " + field).isTrue();
                }
                assertThat(rule.path("for").asText()).as(name).matches("\\d+[smhd]");
                assertThat(rule.path("labels").path("severity").asText())
                        .as(name)
                        .isIn("info", "warning", "critical");
                assertThat(rule.path("annotations").path("summary").asText())
                        .as(name)
                        .isNotBlank();
                assertThat(rule.path("annotations").path("description").asText())
                        .as(name)
                        .isNotBlank();
                alerts.add(name);
                exprs.append(rule.path("expr").asText()).append('\n');
            }
        }
        assertThat(alerts)
                .doesNotHaveDuplicates()
                .contains(
                        "LabGateGrantExpiringTomorrow",
                        "LabGateBucketNearlyFull",
                        "LabGateUsageLogChainBroken",
                        "LabGateUsageLogWriteFailures",
                        "LabGateStorageUnreachable",
                        "LabGateServerBookedInMaintenance");
        assertPublished(metricNames(exprs.toString()));
    }

    private static Set<String> metricNames(String text) {
        Set<String> names = new TreeSet<>();
        Matcher m = METRIC.matcher(text);
        while (m.find()) {
            names.add(m.group());
        }
        return names;
    }

    /** Every name is a series of /q/metrics (gauges read from the database may need one refresh). */
    private static void assertPublished(Set<String> names) {
        assertThat(names).isNotEmpty();
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            Set<String> published = Scrape.now().families();
            assertThat(names)
                    .allSatisfy(n ->
                            assertThat(published).as("published metric names").contains(n));
        });
    }
}
