package io.labgate;

import io.labgate.organization.provisioning.KeycloakAdminRights;
import io.labgate.usage.checkpoint.OfflineVerifier;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.util.Arrays;

/**
 * The jar's entry point: the service, or with {@code verify-log} the offline verifier of exported usage events
 * against signed checkpoints, which needs neither a database nor a running LabGate ({@link OfflineVerifier}), or with
 * {@code keycloak-admin-rights} the one-time narrowing of the realm's {@code labgate-admin} ({@link
 * KeycloakAdminRights}).
 */
@QuarkusMain
public class LabGateMain {

    public static void main(String... args) {
        if (args.length > 0 && args[0].equals("verify-log")) {
            System.exit(OfflineVerifier.run(Arrays.copyOfRange(args, 1, args.length), System.out));
        }
        if (args.length > 0 && args[0].equals("keycloak-admin-rights")) {
            System.exit(KeycloakAdminRights.run(Arrays.copyOfRange(args, 1, args.length), System.out));
        }
        Quarkus.run(args);
    }
}
