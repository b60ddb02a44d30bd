package io.labgate.devlab;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.util.Map;

/**
 * Starts the embedded lab once per test JVM (not once per test class) and points LabGate at it. Every
 * {@code @QuarkusTest} uses it through {@link io.labgate.testing.LabTest}.
 */
public class EmbeddedLabTestResource implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedLab lab;

    public static synchronized EmbeddedLab lab() {
        if (lab == null) {
            try {
                Path target = Path.of("target");
                lab = EmbeddedLab.start(new EmbeddedLab.Layout(
                        null,
                        target.resolve("lab-logs"),
                        0,
                        0,
                        0,
                        Path.of(System.getProperty("labgate.keycloak.home", "target/keycloak/keycloak-26.4.7")),
                        Path.of("deploy/keycloak/labgate-realm.json")));
            } catch (Exception e) {
                throw new IllegalStateException("could not start the embedded lab", e);
            }
            EmbeddedLab started = lab;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (Exception ignored) {
                    // the JVM is going away
                }
            }));
        }
        return lab;
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new java.util.LinkedHashMap<>(lab().labGateConfig());
        // the named mailer of EmailOverSmtpTest, for a GreenMail SMTP server that the test starts on this port
        config.put("quarkus.mailer.smtp-test.port", String.valueOf(freePort()));
        return config;
    }

    private static int freePort() {
        try (java.net.ServerSocket socket =
                new java.net.ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("no free port for the test SMTP server", e);
        }
    }

    @Override
    public void stop() {
        // shared by every test class; closed when the JVM exits
    }
}
