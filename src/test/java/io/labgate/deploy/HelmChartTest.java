package io.labgate.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lints and renders helm/labgate with the helm library itself (helm-java bundles it as a native library), with
 * the default values and with the production example, and checks what the rendered manifests contain.
 */
class HelmChartTest {

    static final Path CHART = Path.of("helm/labgate");
    static final Path PRODUCTION_VALUES = CHART.resolve("ci/values-production.yaml");

    @TempDir
    Path tmp;

    // --- lint ------------------------------------------------------------------------------------------------

    @Test
    void lintPassesWithDefaultValues() {
        LintResult result = new Helm(CHART).lint().strict().call();
        assertThat(result.isFailed())
                .as(String.join("\n", result.getMessages()))
                .isFalse();
    }

    /** helm-java's lint takes no values file, so lint a copy of the chart whose values.yaml is the merge. */
    @Test
    void lintPassesWithProductionValues() throws IOException {
        Path copy = tmp.resolve("labgate");
        copyTree(CHART, copy);
        Map<String, Object> merged = Yaml.merge(Yaml.read(CHART.resolve("values.yaml")), Yaml.read(PRODUCTION_VALUES));
        Yaml.MAPPER.writeValue(copy.resolve("values.yaml").toFile(), merged);

        LintResult result = new Helm(copy).lint().strict().call();
        assertThat(result.isFailed())
                .as(String.join("\n", result.getMessages()))
                .isFalse();
    }

    // --- template: default values ----------------------------------------------------------------------------

    @Test
    void defaultValuesRenderTheCoreObjectsOnly() {
        List<Map<String, Object>> docs = render(null);

        assertThat(kinds(docs))
                .contains(
                        "Deployment",
                        "Service",
                        "ConfigMap",
                        "HorizontalPodAutoscaler",
                        "PodDisruptionBudget",
                        "NetworkPolicy",
                        "ServiceAccount")
                .doesNotContain("Ingress", "ServiceMonitor", "Secret");

        Map<String, Object> deployment = one(docs, "Deployment");
        assertThat((Integer) Yaml.at(deployment, "spec.replicas")).isEqualTo(2);
        assertThat((Integer) Yaml.at(one(docs, "HorizontalPodAutoscaler"), "spec.minReplicas"))
                .isEqualTo(2);
        assertThat((Object) Yaml.at(one(docs, "PodDisruptionBudget"), "spec.maxUnavailable"))
                .isEqualTo(1);
    }

    @Test
    void deploymentHasHealthProbesAndResources() {
        Map<String, Object> container = container(one(render(null), "Deployment"));

        assertThat((String) Yaml.at(container, "livenessProbe.httpGet.path")).isEqualTo("/q/health/live");
        assertThat((String) Yaml.at(container, "readinessProbe.httpGet.path")).isEqualTo("/q/health/ready");
        assertThat((String) Yaml.at(container, "startupProbe.httpGet.path")).startsWith("/q/health/");
        assertThat((Object) Yaml.at(container, "resources.requests.cpu")).isNotNull();
        assertThat((Object) Yaml.at(container, "resources.requests.memory")).isNotNull();
        assertThat((Object) Yaml.at(container, "resources.limits.memory")).isNotNull();
    }

    @Test
    void podRunsNonRootWithReadOnlyRootFilesystem() {
        Map<String, Object> deployment = one(render(null), "Deployment");
        Map<String, Object> pod = Yaml.at(deployment, "spec.template.spec");
        Map<String, Object> container = container(deployment);

        assertThat((Boolean) Yaml.at(pod, "securityContext.runAsNonRoot")).isTrue();
        assertThat((String) Yaml.at(pod, "securityContext.seccompProfile.type")).isEqualTo("RuntimeDefault");
        assertThat((Boolean) Yaml.at(container, "securityContext.runAsNonRoot")).isTrue();
        assertThat((Boolean) Yaml.at(container, "securityContext.readOnlyRootFilesystem"))
                .isTrue();
        assertThat((Boolean) Yaml.at(container, "securityContext.allowPrivilegeEscalation"))
                .isFalse();
        assertThat(Yaml.<List<Object>>at(container, "securityContext.capabilities.drop"))
                .containsExactly("ALL");
        assertThat((String) Yaml.at(container, "securityContext.seccompProfile.type"))
                .isEqualTo("RuntimeDefault");

        // the read-only root needs a writable /tmp
        assertThat((String) Yaml.at(container, "volumeMounts.0.mountPath")).isEqualTo("/tmp");
        assertThat((Object) Yaml.at(pod, "volumes.0.emptyDir")).isNotNull();
        assertThat((Boolean) Yaml.at(pod, "automountServiceAccountToken")).isFalse();
    }

    @Test
    void secretsAreOnlyReferenced() {
        List<Map<String, Object>> docs = render(null);
        Map<String, Object> container = container(one(docs, "Deployment"));

        List<Map<String, Object>> env = Yaml.at(container, "env");
        assertThat(env).isNotEmpty().allSatisfy(e -> {
            assertThat(e).doesNotContainKey("value");
            assertThat((String) Yaml.at(e, "valueFrom.secretKeyRef.name")).isNotBlank();
            assertThat((String) Yaml.at(e, "valueFrom.secretKeyRef.key")).isNotBlank();
        });
        assertThat(env)
                .extracting(e -> e.get("name"))
                .contains(
                        "LABGATE_DB_PASSWORD",
                        "LABGATE_S3_ACCESS_KEY",
                        "LABGATE_S3_SECRET_KEY",
                        "LABGATE_KEYCLOAK_ADMIN_SECRET",
                        "LABGATE_GATEWAY_KEY_ENCRYPTION_KEYS_1");

        Map<String, Object> data = Yaml.at(one(docs, "ConfigMap"), "data");
        assertThat(data)
                .containsKeys("LABGATE_DB_URL", "LABGATE_OIDC_URL", "LABGATE_KEYCLOAK_URL", "LABGATE_S3_ENDPOINT")
                .containsEntry("LABGATE_DEMO_ENABLED", "false");
        assertThat(data.keySet()).noneMatch(k -> k.matches(".*(PASSWORD|SECRET|ACCESS_KEY|KEY_ENCRYPTION).*"));
        // mail is off unless configured, and then there is no SMTP password to reference
        assertThat(data).containsEntry("LABGATE_MAIL_ENABLED", "false").doesNotContainKey("LABGATE_SMTP_HOST");
        assertThat(env).extracting(e -> e.get("name")).doesNotContain("LABGATE_SMTP_PASSWORD");
    }

    @Test
    void mailNeedsAnSmtpHostAndTakesItsPasswordOnlyFromASecret() {
        assertThatThrownBy(() -> new Helm(CHART)
                        .template()
                        .withName("labgate")
                        .set("config.mail.enabled", "true")
                        .call())
                .hasMessageContaining("smtpHost");
        assertThatThrownBy(() -> new Helm(CHART)
                        .template()
                        .withName("labgate")
                        .set("config.mail.smtpPassword", "hunter2")
                        .call())
                .hasMessageContaining("schema")
                .hasMessageContaining("smtpPassword");

        List<Map<String, Object>> docs = render(PRODUCTION_VALUES);
        Map<String, Object> data = Yaml.at(one(docs, "ConfigMap"), "data");
        assertThat(data)
                .containsEntry("LABGATE_MAIL_ENABLED", "true")
                .containsEntry("LABGATE_SMTP_HOST", "smtp.lab.example")
                .containsEntry("LABGATE_SMTP_PORT", "587")
                .containsEntry("LABGATE_SMTP_START_TLS", "REQUIRED")
                .containsEntry("LABGATE_SMTP_USER", "labgate")
                .containsEntry("LABGATE_MAIL_FROM", "labgate@lab.example")
                .containsEntry("LABGATE_MAIL_OPERATORS", "ops@lab.example")
                .containsEntry("LABGATE_MAIL_LINK_BASE_URL", "https://labgate.lab.example");
        List<Map<String, Object>> env = Yaml.at(container(one(docs, "Deployment")), "env");
        Map<String, Object> password = env.stream()
                .filter(e -> "LABGATE_SMTP_PASSWORD".equals(e.get("name")))
                .findFirst()
                .orElseThrow();
        assertThat((String) Yaml.at(password, "valueFrom.secretKeyRef.name")).isEqualTo("labgate-smtp");
        assertThat((String) Yaml.at(password, "valueFrom.secretKeyRef.key")).isEqualTo("password");
        assertThat(password).doesNotContainKey("value");
    }

    @Test
    void anIngressIsRenderedOnlyWithTheProxiesWhoseForwardedAddressesLabGateTrusts() {
        assertThatThrownBy(() -> new Helm(CHART)
                        .template()
                        .withName("labgate")
                        .set("ingress.enabled", "true")
                        .call())
                .hasMessageContaining("config.trustedProxies");

        Map<String, Object> data = Yaml.at(one(render(PRODUCTION_VALUES), "ConfigMap"), "data");
        assertThat(data)
                .containsEntry("QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING", "true")
                .containsEntry("QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED", "true")
                .containsEntry("QUARKUS_HTTP_PROXY_TRUSTED_PROXIES", "10.42.0.0/16")
                .containsEntry("LABGATE_BEHIND_PROXY", "true");
        // without a proxy in front, connections are judged as they come
        Map<String, Object> direct = Yaml.at(one(render(null), "ConfigMap"), "data");
        assertThat(direct).doesNotContainKey("QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING");
    }

    @Test
    void migrationsRunAsTheSchemasOwnerAndLabGateAsARoleThatOwnsNothing() {
        List<Map<String, Object>> docs = render(PRODUCTION_VALUES);
        assertThat((Map<String, Object>) Yaml.at(one(docs, "ConfigMap"), "data"))
                .containsEntry("LABGATE_DB_USER", "labgate")
                .containsEntry("LABGATE_DB_OWNER_USER", "labgate_owner");
        List<Map<String, Object>> env = Yaml.at(container(one(docs, "Deployment")), "env");
        Map<String, Object> ownerPassword = env.stream()
                .filter(e -> "LABGATE_DB_OWNER_PASSWORD".equals(e.get("name")))
                .findFirst()
                .orElseThrow();
        assertThat((String) Yaml.at(ownerPassword, "valueFrom.secretKeyRef.name"))
                .isEqualTo("labgate-db-owner");
        // one role for both when no owner is named
        List<Map<String, Object>> single = Yaml.at(container(one(render(null), "Deployment")), "env");
        assertThat(single).extracting(e -> e.get("name")).doesNotContain("LABGATE_DB_OWNER_PASSWORD");
    }

    @Test
    void theS3ApiHasAPortAndAHostOfItsOwn() {
        List<Map<String, Object>> docs = render(PRODUCTION_VALUES);
        List<Map<String, Object>> ports = Yaml.at(one(docs, "Service"), "spec.ports");
        assertThat(ports).extracting(p -> p.get("name")).contains("http", "s3");
        List<Map<String, Object>> rules = Yaml.at(one(docs, "Ingress"), "spec.rules");
        Map<String, Object> s3 = rules.stream()
                .filter(r -> "s3.labgate.lab.example".equals(r.get("host")))
                .findFirst()
                .orElseThrow();
        assertThat((String) Yaml.at(s3, "http.paths.0.path")).isEqualTo("/");
        assertThat((String) Yaml.at(s3, "http.paths.0.backend.service.port.name"))
                .isEqualTo("s3");
        // virtual-hosted-style: <bucket>.s3.<domain> reaches the same port, and LabGate reads the bucket there
        Map<String, Object> buckets = rules.stream()
                .filter(r -> "*.s3.labgate.lab.example".equals(r.get("host")))
                .findFirst()
                .orElseThrow();
        assertThat((String) Yaml.at(buckets, "http.paths.0.backend.service.port.name"))
                .isEqualTo("s3");
        assertThat((Map<String, Object>) Yaml.at(one(docs, "ConfigMap"), "data"))
                .containsEntry("LABGATE_GATEWAY_VIRTUAL_HOST_DOMAIN", "s3.labgate.lab.example");
    }

    @Test
    void schemaRefusesSecretValuesInConfig() {
        assertThatThrownBy(() -> new Helm(CHART)
                        .template()
                        .withName("labgate")
                        .set("config.extraEnv.LABGATE_DB_PASSWORD", "hunter2")
                        .call())
                .hasMessageContaining("schema")
                .hasMessageContaining("LABGATE_DB_PASSWORD");
        assertThatThrownBy(() -> new Helm(CHART)
                        .template()
                        .withName("labgate")
                        .set("secrets.db.password", "hunter2")
                        .call())
                .hasMessageContaining("schema")
                .hasMessageContaining("password");
    }

    @Test
    void activeKeyVersionMustBeOneOfTheConfiguredKeys() {
        Map<String, Object> data = Yaml.at(one(render(null), "ConfigMap"), "data");
        assertThat(data).containsEntry("LABGATE_GATEWAY_ACTIVE_KEY_VERSION", "1");

        // rotation step "make version 2 active": both versions are mounted, 2 seals new secrets
        List<Map<String, Object>> rotated = Yaml.documents(new Helm(CHART)
                .template()
                .withName("labgate")
                .set("secrets.gatewayKeyEncryptionKeys[0].version", "1")
                .set("secrets.gatewayKeyEncryptionKeys[0].existingSecret", "labgate-gateway")
                .set("secrets.gatewayKeyEncryptionKeys[0].key", "kek-1")
                .set("secrets.gatewayKeyEncryptionKeys[1].version", "2")
                .set("secrets.gatewayKeyEncryptionKeys[1].existingSecret", "labgate-gateway")
                .set("secrets.gatewayKeyEncryptionKeys[1].key", "kek-2")
                .set("config.gatewayActiveKeyVersion", "2")
                .call());
        assertThat((String) Yaml.at(one(rotated, "ConfigMap"), "data.LABGATE_GATEWAY_ACTIVE_KEY_VERSION"))
                .isEqualTo("2");
        List<Map<String, Object>> env = Yaml.at(container(one(rotated, "Deployment")), "env");
        assertThat(env)
                .extracting(e -> e.get("name"))
                .contains("LABGATE_GATEWAY_KEY_ENCRYPTION_KEYS_1", "LABGATE_GATEWAY_KEY_ENCRYPTION_KEYS_2");

        // an active version without a key would refuse to issue keys: the chart refuses to render it
        assertThatThrownBy(() -> new Helm(CHART)
                        .template()
                        .withName("labgate")
                        .set("config.gatewayActiveKeyVersion", "2")
                        .call())
                .hasMessageContaining("config.gatewayActiveKeyVersion 2 is not among");
    }

    // --- template: production values -------------------------------------------------------------------------

    @Test
    void productionValuesRenderIngressAndServiceMonitor() {
        List<Map<String, Object>> docs = render(PRODUCTION_VALUES);

        assertThat(kinds(docs))
                .contains(
                        "Deployment",
                        "Service",
                        "ConfigMap",
                        "HorizontalPodAutoscaler",
                        "PodDisruptionBudget",
                        "NetworkPolicy",
                        "Ingress",
                        "ServiceMonitor")
                .doesNotContain("Secret");
        assertThat((Integer) Yaml.at(one(docs, "Deployment"), "spec.replicas")).isEqualTo(3);
        assertThat((Integer) Yaml.at(one(docs, "HorizontalPodAutoscaler"), "spec.minReplicas"))
                .isEqualTo(3);

        Map<String, Object> ingress = one(docs, "Ingress");
        assertThat((String) Yaml.at(ingress, "spec.rules.0.host")).isEqualTo("labgate.lab.example");
        assertThat((String) Yaml.at(ingress, "spec.rules.0.http.paths.0.backend.service.name"))
                .isEqualTo("labgate");
        // only the API and the S3 endpoint are public: /q/metrics must not be reachable through the ingress
        List<Object> paths = Yaml.at(ingress, "spec.rules.0.http.paths");
        assertThat(paths.stream()
                        .map(path -> (Object) ((Map<?, ?>) path).get("path"))
                        .toList())
                .containsExactly("/api", "/s3");
        assertThat((String) Yaml.at(ingress, "spec.tls.0.secretName")).isEqualTo("labgate-tls");

        Map<String, Object> monitor = one(docs, "ServiceMonitor");
        assertThat((String) Yaml.at(monitor, "spec.endpoints.0.path")).isEqualTo("/q/metrics");
        assertThat((String) Yaml.at(monitor, "spec.endpoints.0.port")).isEqualTo("http");
        assertThat((String) Yaml.at(monitor, "metadata.labels.release")).isEqualTo("kube-prometheus-stack");

        assertThat((List<?>) Yaml.at(one(docs, "NetworkPolicy"), "spec.ingress.0.from"))
                .hasSize(2);
        assertThat((String) Yaml.at(one(docs, "ConfigMap"), "data.QUARKUS_DATASOURCE_JDBC_MAX_SIZE"))
                .isEqualTo("20");
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    private static List<Map<String, Object>> render(Path valuesFile) {
        var template = new Helm(CHART).template().withName("labgate").withNamespace("labgate");
        if (valuesFile != null) {
            template = template.withValuesFile(valuesFile);
        }
        return Yaml.documents(template.call());
    }

    private static List<String> kinds(List<Map<String, Object>> docs) {
        return docs.stream().map(d -> (String) d.get("kind")).collect(Collectors.toList());
    }

    private static Map<String, Object> one(List<Map<String, Object>> docs, String kind) {
        List<Map<String, Object>> found =
                docs.stream().filter(d -> kind.equals(d.get("kind"))).toList();
        assertThat(found).as(kind).hasSize(1);
        return found.get(0);
    }

    private static Map<String, Object> container(Map<String, Object> deployment) {
        return Yaml.at(deployment, "spec.template.spec.containers.0");
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
