package io.labgate.devlab;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The real Keycloak distribution ({@code org.keycloak:keycloak-quarkus-dist}, unpacked by the build), run as a
 * child process in dev mode with the LabGate realm imported and its data kept in PostgreSQL.
 */
public final class KeycloakServer implements AutoCloseable {

    public static final String REALM = "labgate";

    /** The embedded Keycloak's own administrator (master realm), for tests that import a realm of their own. */
    public static final String ADMIN = "admin";

    public static final String ADMIN_PASSWORD = "labgate-keycloak-admin-demo";

    private final Process process;
    private final int port;

    private KeycloakServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * @param home the unpacked distribution
     * @param realmFile realm export imported at first start (kept afterwards)
     * @param jdbcUrl the PostgreSQL database Keycloak keeps its data in
     * @param log where Keycloak's console output goes
     */
    public static KeycloakServer start(
            Path home, Path realmFile, int port, String jdbcUrl, String dbUser, String dbPassword, Path log)
            throws IOException, InterruptedException {
        if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("Keycloak is not unpacked at " + home + "; run the Maven build first");
        }
        Path importDir = home.resolve("data/import");
        Files.createDirectories(importDir);
        Files.copy(realmFile, importDir.resolve(REALM + "-realm.json"), StandardCopyOption.REPLACE_EXISTING);
        int httpPort = port > 0 ? port : freePort();
        List<String> command = new ArrayList<>(List.of(
                home.resolve("bin/kc.sh").toString(),
                "start-dev",
                "--http-port=" + httpPort,
                "--http-management-port=" + freePort(),
                "--import-realm",
                "--db=postgres",
                "--db-url=" + jdbcUrl,
                "--db-username=" + dbUser,
                "--db-password=" + dbPassword));
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx768m");
        // created at the first start only (a fresh database), as Keycloak does in development mode
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN);
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        Process process = builder.start();
        KeycloakServer server = new KeycloakServer(process, httpPort);
        try {
            server.awaitRealm(Duration.ofMinutes(4), log);
        } catch (RuntimeException | InterruptedException e) {
            server.close();
            throw e;
        }
        return server;
    }

    private void awaitRealm(Duration timeout, Path log) throws InterruptedException {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI discovery = URI.create(issuer() + "/.well-known/openid-configuration");
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<Void> response = http.send(
                        HttpRequest.newBuilder(discovery).GET().build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYetListening) {
                // keep waiting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(
                "Keycloak did not serve realm " + REALM + " within " + timeout + "; see " + log);
    }

    public String url() {
        return "http://localhost:" + port;
    }

    public String issuer() {
        return url() + "/realms/" + REALM;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        // kc.sh starts a JVM of its own: end the whole tree
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            process.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }
}
