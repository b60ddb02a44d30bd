package io.labgate.devlab;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * PostgreSQL, an S3 store and Keycloak, all real and started from Maven Central artifacts alone. The embedded
 * run ({@link EmbeddedLabMain}) and the test suite ({@link EmbeddedLabTestResource}) both use this class, so
 * tests run against what a developer runs.
 */
public final class EmbeddedLab implements AutoCloseable {

    /** Credentials of the embedded S3 store; only ever used on this machine. */
    public static final String S3_ACCESS_KEY = "labgate-embedded";

    public static final String S3_SECRET_KEY = "labgate-embedded-secret";
    /** Secret of the realm's provisioning client in the demo realm export. */
    public static final String ADMIN_CLIENT_SECRET = "labgate-admin-demo-secret";
    /**
     * Key-encryption key (version 1) of the S3 endpoint's access-key secrets: base64 of
     * {@code labgate-demo-key-encryption-key!}. Published here, so a production start refuses it.
     */
    public static final String GATEWAY_DEMO_KEY = "bGFiZ2F0ZS1kZW1vLWtleS1lbmNyeXB0aW9uLWtleSE=";

    private final EmbeddedPostgresServer postgres;
    private final EmbeddedS3Server s3;
    private final KeycloakServer keycloak;

    /** The demo Ed25519 pair that signs usage-log checkpoints (also in application.properties for tests). */
    public static final String CHECKPOINT_DEMO_PRIVATE_KEY =
            "MC4CAQAwBQYDK2VwBCIEIMaSSthMfEXJdasPdiMxx5zk34hsR7WyzPhtOHOFncFh";

    public static final String CHECKPOINT_DEMO_PUBLIC_KEY =
            "MCowBQYDK2VwAyEAiHj/4odXhASZpiUcH3tr/Zw9we5rEfB3IHm+HIrhzxM=";

    private EmbeddedLab(EmbeddedPostgresServer postgres, EmbeddedS3Server s3, KeycloakServer keycloak) {
        this.postgres = postgres;
        this.s3 = s3;
        this.keycloak = keycloak;
    }

    /** Where each component keeps its data and listens. A null data directory means throw-away data. */
    public record Layout(
            Path dataDirectory,
            Path logDirectory,
            int postgresPort,
            int s3Port,
            int keycloakPort,
            Path keycloakHome,
            Path realmFile) {}

    public static EmbeddedLab start(Layout layout) throws Exception {
        Path data = layout.dataDirectory();
        EmbeddedPostgresServer postgres =
                EmbeddedPostgresServer.start(data == null ? null : data.resolve("postgres"), layout.postgresPort());
        try {
            postgres.ensureLabGateDatabase("labgate");
            postgres.ensureDatabase("keycloak");
            Path s3Dir = data == null ? java.nio.file.Files.createTempDirectory("labgate-s3") : data.resolve("s3");
            EmbeddedS3Server s3 = EmbeddedS3Server.start(s3Dir, layout.s3Port(), S3_ACCESS_KEY, S3_SECRET_KEY);
            KeycloakServer keycloak = KeycloakServer.start(
                    layout.keycloakHome(),
                    layout.realmFile(),
                    layout.keycloakPort(),
                    postgres.jdbcUrl("keycloak"),
                    EmbeddedPostgresServer.USER,
                    EmbeddedPostgresServer.PASSWORD,
                    layout.logDirectory().resolve("keycloak.log"));
            return new EmbeddedLab(postgres, s3, keycloak);
        } catch (Exception e) {
            postgres.close();
            throw e;
        }
    }

    /** The LabGate configuration that points at these components. */
    public Map<String, String> labGateConfig() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl("labgate"));
        // migrations as the schema's owner, everything else as a role that owns nothing (V25)
        config.put("quarkus.datasource.username", EmbeddedPostgresServer.APP);
        config.put("quarkus.datasource.password", EmbeddedPostgresServer.APP_PASSWORD);
        config.put("quarkus.flyway.username", EmbeddedPostgresServer.OWNER);
        config.put("quarkus.flyway.password", EmbeddedPostgresServer.OWNER_PASSWORD);
        config.put("labgate.storage.endpoint", s3.endpoint());
        config.put("labgate.storage.access-key", S3_ACCESS_KEY);
        config.put("labgate.storage.secret-key", S3_SECRET_KEY);
        config.put("quarkus.oidc.auth-server-url", keycloak.issuer());
        config.put("quarkus.keycloak.admin-client.server-url", keycloak.url());
        config.put("quarkus.keycloak.admin-client.client-secret", ADMIN_CLIENT_SECRET);
        config.put("labgate.gateway.key-encryption-keys.1", GATEWAY_DEMO_KEY);
        // the usage log's head is signed every 10 minutes with a demo key (refused in production)
        config.put("labgate.usage.checkpoint.private-key", CHECKPOINT_DEMO_PRIVATE_KEY);
        config.put("labgate.usage.checkpoint.public-key", CHECKPOINT_DEMO_PUBLIC_KEY);
        config.put("labgate.usage.checkpoint.bucket", "labgate-checkpoints");
        // tests and replicas take a free port for the S3 API's root listener; the embedded default takes 9080
        config.put("labgate.gateway.root-port", "0");
        config.put("labgate.gateway.active-key-version", "1");
        return config;
    }

    public EmbeddedPostgresServer postgres() {
        return postgres;
    }

    public EmbeddedS3Server s3() {
        return s3;
    }

    public KeycloakServer keycloak() {
        return keycloak;
    }

    @Override
    public void close() throws Exception {
        keycloak.close();
        s3.close();
        postgres.close();
    }
}
