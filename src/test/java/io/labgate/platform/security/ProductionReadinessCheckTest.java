package io.labgate.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProductionReadinessCheckTest {

    private static SmallRyeConfig config(Map<String, String> values) {
        return new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(values, "test", 500))
                .build();
    }

    @Test
    void demoSecretsAreRefused() {
        assertThat(ProductionReadinessCheck.problems(config(Map.of(
                        "labgate.storage.secret-key", "labgate-embedded-secret",
                        "quarkus.keycloak.admin-client.client-secret", "labgate-admin-demo-secret"))))
                .hasSize(2)
                .anySatisfy(p -> assertThat(p).contains("labgate.storage.secret-key"))
                .anySatisfy(p -> assertThat(p).contains("admin-client.client-secret"));
    }

    @Test
    void theGatewayDemoKeyEncryptionKeyIsRefused() {
        assertThat(ProductionReadinessCheck.problems(config(Map.of(
                        "labgate.gateway.key-encryption-keys.1", "bGFiZ2F0ZS1kZW1vLWtleS1lbmNyeXB0aW9uLWtleSE=",
                        "labgate.gateway.key-encryption-keys.2", "3q2+7wAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="))))
                .containsExactly("labgate.gateway.key-encryption-keys.1 is a published demo secret");
    }

    @Test
    void tlsVerificationOffIsRefused() {
        assertThat(ProductionReadinessCheck.problems(config(Map.of("quarkus.oidc.tls.verification", "none"))))
                .containsExactly("quarkus.oidc.tls.verification=none");
        assertThat(ProductionReadinessCheck.problems(config(Map.of("quarkus.mailer.trust-all", "true"))))
                .containsExactly("quarkus.mailer.trust-all=true");
    }

    @Test
    void demoKeyEncryptionKeyGivenAsEnvironmentVariableIsRefused() {
        assertThat(ProductionReadinessCheck.problems(config(Map.of(
                        "LABGATE_GATEWAY_KEY_ENCRYPTION_KEYS_1", "bGFiZ2F0ZS1kZW1vLWtleS1lbmNyeXB0aW9uLWtleSE="))))
                .containsExactly("LABGATE_GATEWAY_KEY_ENCRYPTION_KEYS_1 is a published demo secret");
    }

    @Test
    void realSecretsPass() {
        assertThat(ProductionReadinessCheck.problems(config(Map.of(
                        "labgate.storage.secret-key", "k8s-injected-5f1e9c",
                        "quarkus.keycloak.admin-client.client-secret", "another-real-secret"))))
                .isEmpty();
    }

    @Test
    void behindAProxyWithoutForwardingOrForwardingFromAnyoneIsWarnedOf() {
        assertThat(ProductionReadinessCheck.warnings(config(Map.of("labgate.behind-proxy", "true"))))
                .singleElement()
                .asString()
                .contains("allowedNetworks judge the proxy");
        assertThat(ProductionReadinessCheck.warnings(
                        config(Map.of("quarkus.http.proxy.proxy-address-forwarding", "true"))))
                .singleElement()
                .asString()
                .contains("any client can name its own address");
        assertThat(ProductionReadinessCheck.warnings(config(Map.of(
                        "labgate.behind-proxy", "true",
                        "quarkus.http.proxy.proxy-address-forwarding", "true",
                        "quarkus.http.proxy.trusted-proxies", "10.42.0.0/16"))))
                .isEmpty();
        assertThat(ProductionReadinessCheck.warnings(config(Map.of()))).isEmpty();
    }
}
