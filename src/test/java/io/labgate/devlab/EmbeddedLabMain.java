package io.labgate.devlab;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The embedded default ({@code ./mvnw -Prun}): starts PostgreSQL, the S3 store and Keycloak with their data
 * under {@code .labgate/}, then the packaged LabGate on port 8080 with demo data. Ctrl-C stops everything;
 * the data survives for the next run.
 */
public final class EmbeddedLabMain {

    private EmbeddedLabMain() {}

    public static void main(String[] args) throws Exception {
        Path data = Path.of(System.getProperty("labgate.data-dir", ".labgate")).toAbsolutePath();
        Files.createDirectories(data);
        EmbeddedLab.Layout layout = new EmbeddedLab.Layout(
                data,
                data.resolve("logs"),
                Integer.getInteger("labgate.postgres.port", 15432),
                Integer.getInteger("labgate.s3.port", 9000),
                Integer.getInteger("labgate.keycloak.port", 8180),
                Path.of(System.getProperty("labgate.keycloak.home")),
                Path.of(System.getProperty("labgate.realm.file")));
        log("starting embedded PostgreSQL, S3 store and Keycloak (data in " + data + ")");
        EmbeddedLab lab = EmbeddedLab.start(layout);
        log("PostgreSQL  " + lab.postgres().jdbcUrl("labgate"));
        log("S3 store    " + lab.s3().endpoint());
        log("Keycloak    " + lab.keycloak().url() + " (realm " + KeycloakServer.REALM + ")");

        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (Map.Entry<String, String> entry : lab.labGateConfig().entrySet()) {
            command.add("-D" + entry.getKey() + "=" + entry.getValue());
        }
        command.add("-Dlabgate.demo.enabled=true");
        // mails are queued and "sent" to Quarkus' mock mailer: nothing leaves the machine, no SMTP server needed
        command.add("-Dlabgate.notify.mail.enabled=true");
        command.add("-Dquarkus.mailer.mock=true");
        command.add("-Dquarkus.http.port=" + Integer.getInteger("labgate.http.port", 8080));
        int s3Port = Integer.getInteger("labgate.gateway.root-port", 9080);
        command.add("-Dlabgate.gateway.root-port=" + s3Port);
        // *.localhost is loopback (RFC 6761): curl and systemd's resolver need no /etc/hosts entry
        command.add("-Dlabgate.gateway.virtual-host-domain=s3.localhost");
        log("S3 API      http://localhost:" + s3Port + "  (aws --endpoint-url http://localhost:" + s3Port
                + " s3 ls; also http://localhost:8080/s3; virtual-hosted: http://<bucket>.s3.localhost:" + s3Port
                + ")");
        command.add("-jar");
        command.add(System.getProperty("labgate.app.jar"));
        Process app = new ProcessBuilder(command).inheritIO().start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.destroy();
            try {
                app.waitFor();
                lab.close();
            } catch (Exception ignored) {
                // shutting down anyway
            }
        }));
        int exit = app.waitFor();
        log("LabGate exited with " + exit);
        lab.close();
        System.exit(exit);
    }

    private static void log(String message) {
        System.out.println("[embedded-lab] " + message);
    }
}
