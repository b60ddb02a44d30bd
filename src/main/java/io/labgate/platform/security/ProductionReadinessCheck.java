package io.labgate.platform.security;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * Refuses to start a production instance with settings known to be insecure: the demo secrets of the embedded
 * default and the demo realm export, or TLS verification switched off (OIDC, SMTP); warns of proxy settings that make
 * policies' networks judge the wrong address. The embedded default (demo data on) and tests are exempt.
 */
@ApplicationScoped
public class ProductionReadinessCheck {

    private static final Logger LOG = Logger.getLogger(ProductionReadinessCheck.class);

    /** Secrets that appear in this repository and so must never guard real data. */
    static final List<String> PUBLIC_SECRETS = List.of(
            "labgate-embedded-secret",
            "labgate-admin-demo-secret",
            "labgate-api-demo-secret",
            "alpha-loader-demo-secret",
            "minioadmin",
            "changeme",
            "postgres",
            "labgate-owner-demo",
            "labgate-app-demo",
            // the tests' and the embedded default's usage-log checkpoint key
            "MC4CAQAwBQYDK2VwBCIEIMaSSthMfEXJdasPdiMxx5zk34hsR7WyzPhtOHOFncFh",
            // the S3 endpoint's demo key-encryption key (base64 of "labgate-demo-key-encryption-key!")
            "bGFiZ2F0ZS1kZW1vLWtleS1lbmNyeXB0aW9uLWtleSE=",
            // the tests' second key-encryption key (base64 of "labgate-test-rotation-key-two-32")
            "bGFiZ2F0ZS10ZXN0LXJvdGF0aW9uLWtleS10d28tMzI=");

    void check(@Observes StartupEvent event, Config config) {
        boolean demo =
                config.getOptionalValue("labgate.demo.enabled", Boolean.class).orElse(false);
        if (demo || LaunchMode.current() != LaunchMode.NORMAL) {
            if (demo) {
                LOG.warn("LabGate runs with demo data and demo secrets: never expose this instance");
            }
            return;
        }
        for (String warning : warnings(config)) {
            LOG.warn(warning);
        }
        List<String> problems = problems(config);
        if (!problems.isEmpty()) {
            throw new IllegalStateException(
                    "refusing to start with insecure production settings: " + String.join("; ", problems));
        }
    }

    static List<String> problems(Config config) {
        List<String> problems = new ArrayList<>();
        for (String key : List.of(
                "labgate.storage.secret-key",
                "quarkus.keycloak.admin-client.client-secret",
                "quarkus.datasource.password",
                "quarkus.flyway.password",
                "labgate.usage.checkpoint.private-key")) {
            Optional<String> value = config.getOptionalValue(key, String.class);
            if (value.isPresent() && PUBLIC_SECRETS.contains(value.get())) {
                problems.add(key + " is a published demo secret");
            }
        }
        for (String name : config.getPropertyNames()) {
            // a map entry given as an environment variable is listed under that variable's name
            String normalised =
                    name.toLowerCase(java.util.Locale.ROOT).replace('_', '.').replace('-', '.');
            if (normalised.startsWith("labgate.gateway.key.encryption.keys.")) {
                Optional<String> value = config.getOptionalValue(name, String.class);
                if (value.isPresent() && PUBLIC_SECRETS.contains(value.get().strip())) {
                    problems.add(name + " is a published demo secret");
                }
            }
        }
        if (config.getOptionalValue("quarkus.oidc.tls.verification", String.class)
                .orElse("required")
                .equalsIgnoreCase("none")) {
            problems.add("quarkus.oidc.tls.verification=none");
        }
        if (config.getOptionalValue("quarkus.mailer.trust-all", Boolean.class).orElse(false)) {
            problems.add("quarkus.mailer.trust-all=true");
        }
        return problems;
    }

    /**
     * Settings that may be right but often are not, logged at start: a policy's allowedNetworks judge the address
     * of the connection, which behind a proxy is the proxy's unless forwarded addresses are taken from it, and only
     * from it.
     */
    static List<String> warnings(Config config) {
        List<String> warnings = new ArrayList<>();
        boolean behindProxy =
                config.getOptionalValue("labgate.behind-proxy", Boolean.class).orElse(false);
        boolean forwarding = config.getOptionalValue("quarkus.http.proxy.proxy-address-forwarding", Boolean.class)
                .orElse(false);
        boolean trusted = config.getOptionalValue("quarkus.http.proxy.trusted-proxies", String.class)
                .filter(v -> !v.isBlank())
                .isPresent();
        if (behindProxy && !forwarding) {
            warnings.add(
                    "labgate.behind-proxy=true but quarkus.http.proxy.proxy-address-forwarding is off: every client "
                            + "appears as the proxy, and policies' allowedNetworks judge the proxy's address");
        }
        if (forwarding && !trusted) {
            warnings.add(
                    "quarkus.http.proxy.proxy-address-forwarding is on without quarkus.http.proxy.trusted-proxies: "
                            + "any client can name its own address in X-Forwarded-For and pass allowedNetworks");
        }
        return warnings;
    }
}
