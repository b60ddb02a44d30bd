package io.labgate.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * deploy/compose/compose.yaml cannot be started here (no Docker engine), so check what can be checked without
 * one: it parses, defines the services, every host path it mounts or builds from exists, the files it mounts
 * point at each other correctly, and .env.example covers every required variable without real secrets.
 */
class ComposeFileTest {

    static final Path DIR = Path.of("deploy/compose");
    static final Path COMPOSE = DIR.resolve("compose.yaml");
    static final Pattern REQUIRED_VAR = Pattern.compile("\\$\\{([A-Z0-9_]+):\\?");

    @Test
    void definesTheSixServices() {
        Map<String, Object> services = Yaml.at(Yaml.read(COMPOSE), "services");
        assertThat(services).containsKeys("postgres", "minio", "keycloak", "labgate", "prometheus", "grafana");
        assertThat((String) Yaml.at(services, "postgres.image")).endsWith("postgres:17");
        assertThat((String) Yaml.at(services, "keycloak.image")).endsWith("keycloak:26.4.7");
        assertThat(Yaml.<List<Object>>at(services, "keycloak.command")).contains("start-dev", "--import-realm");
        assertThat((String) Yaml.at(services, "labgate.build.dockerfile")).isEqualTo("src/main/docker/Dockerfile.jvm");
    }

    @Test
    void everyMountedOrBuiltPathExists() {
        Map<String, Object> services = Yaml.at(Yaml.read(COMPOSE), "services");
        List<String> missing = new ArrayList<>();
        Set<String> checked = new LinkedHashSet<>();
        services.forEach((name, svc) -> {
            List<Object> volumes = Yaml.at(svc, "volumes");
            if (volumes != null) {
                for (Object v : volumes) {
                    String source = v instanceof Map
                            ? (String) ((Map<?, ?>) v).get("source")
                            : v.toString().split(":")[0];
                    if (source.startsWith(".") || source.startsWith("/")) { // a bind mount, not a named volume
                        check(DIR.resolve(source), name, checked, missing);
                    }
                }
            }
            Object build = Yaml.at(svc, "build");
            if (build != null) {
                Path context = DIR.resolve(
                        build instanceof Map ? (String) ((Map<?, ?>) build).get("context") : (String) build);
                check(context, name, checked, missing);
                String dockerfile = Yaml.at(build, "dockerfile");
                check(context.resolve(dockerfile == null ? "Dockerfile" : dockerfile), name, checked, missing);
            }
            Object envFile = Yaml.at(svc, "env_file");
            if (envFile instanceof String f) {
                check(DIR.resolve(f), name, checked, missing);
            }
        });
        assertThat(missing).as("paths referenced by compose.yaml").isEmpty();
        assertThat(checked)
                .contains(
                        "../keycloak/labgate-realm.json",
                        "../prometheus/prometheus.yml",
                        "../prometheus/alerts.yml",
                        "../grafana/provisioning",
                        "../grafana/dashboards",
                        "../../src/main/docker/Dockerfile.jvm");
        assertThat(DIR.resolve("../grafana/dashboards/labgate.json")).isRegularFile();
    }

    @Test
    @SuppressWarnings("unchecked")
    void mountedConfigurationFitsTogether() {
        Map<String, Object> prometheus = Yaml.read(Path.of("deploy/prometheus/prometheus.yml"));
        List<Map<String, Object>> jobs = Yaml.at(prometheus, "scrape_configs");
        Map<String, Object> labgate = jobs.stream()
                .filter(j -> "labgate".equals(j.get("job_name")))
                .findFirst()
                .orElseThrow();
        assertThat((String) labgate.get("metrics_path")).isEqualTo("/q/metrics");
        assertThat(Yaml.<List<Object>>at(labgate, "static_configs.0.targets")).containsExactly("labgate:8080");
        assertThat((List<Object>) prometheus.get("rule_files")).containsExactly("/etc/prometheus/alerts.yml");
        assertThat(Yaml.read(Path.of("deploy/prometheus/alerts.yml"))).containsKey("groups");

        assertThat((String) Yaml.at(
                        Yaml.read(Path.of("deploy/grafana/provisioning/datasources/prometheus.yaml")),
                        "datasources.0.url"))
                .isEqualTo("http://prometheus:9090");
        assertThat((String) Yaml.at(
                        Yaml.read(Path.of("deploy/grafana/provisioning/dashboards/labgate.yaml")),
                        "providers.0.options.path"))
                .isEqualTo("/var/lib/grafana/dashboards");
        assertThat(Yaml.<List<Object>>at(Yaml.read(COMPOSE), "services.grafana.volumes"))
                .contains("../grafana/dashboards:/var/lib/grafana/dashboards:ro");

        // LabGate and Keycloak agree on the issuer (see deploy/compose/README.md)
        Map<String, Object> labgateEnv = Yaml.at(Yaml.read(COMPOSE), "services.labgate.environment");
        Map<String, Object> keycloakEnv = Yaml.at(Yaml.read(COMPOSE), "services.keycloak.environment");
        assertThat((String) labgateEnv.get("QUARKUS_OIDC_TOKEN_ISSUER"))
                .isEqualTo(keycloakEnv.get("KC_HOSTNAME") + "/realms/labgate");
        assertThat(labgateEnv)
                .containsKeys(
                        "LABGATE_DB_URL",
                        "LABGATE_OIDC_URL",
                        "LABGATE_KEYCLOAK_URL",
                        "LABGATE_KEYCLOAK_ADMIN_SECRET",
                        "LABGATE_S3_ENDPOINT",
                        "LABGATE_S3_ACCESS_KEY",
                        "LABGATE_S3_SECRET_KEY");
    }

    @Test
    void envExampleCoversEveryRequiredVariableWithoutRealSecrets() throws IOException {
        Matcher m = REQUIRED_VAR.matcher(Files.readString(COMPOSE));
        Set<String> required = new LinkedHashSet<>();
        while (m.find()) {
            required.add(m.group(1));
        }
        assertThat(required).isNotEmpty();

        Map<String, String> example = new java.util.LinkedHashMap<>();
        for (String line : Files.readAllLines(DIR.resolve(".env.example"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] kv = line.split("=", 2);
                example.put(kv[0].trim(), kv.length > 1 ? kv[1].trim() : "");
            }
        }
        assertThat(example.keySet()).containsAll(required);
        example.forEach((k, v) -> {
            if (k.matches(".*(PASSWORD|SECRET|KEK).*")) {
                assertThat(v).as(k).startsWith("CHANGE-ME");
            }
        });
        assertThat(Files.readString(Path.of(".gitignore"))).contains("deploy/compose/.env");
    }

    private static void check(Path p, String service, Set<String> checked, List<String> missing) {
        checked.add(DIR.relativize(p).toString().replace('\\', '/'));
        if (!Files.exists(p)) {
            missing.add(service + ": " + p);
        }
    }
}
