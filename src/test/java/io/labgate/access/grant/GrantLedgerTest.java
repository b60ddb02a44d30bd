package io.labgate.access.grant;

import static io.labgate.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.labgate.access.api.ByteUsage;
import io.labgate.access.api.GrantCheck;
import io.labgate.access.api.GrantLedger;
import io.labgate.access.api.GrantNotUsable;
import io.labgate.access.api.UsableGrant;
import io.labgate.platform.error.ApiException;
import io.labgate.policy.api.AccessMode;
import io.labgate.testing.ApprovedGrants;
import io.labgate.testing.ApprovedGrants.Approved;
import io.labgate.testing.DemoOrganizations;
import io.labgate.testing.TestStore;
import io.labgate.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The grant ledger as the data paths use it, tested at the service: no HTTP between the test and the rule. */
@QuarkusTest
class GrantLedgerTest {

    private static final long QUOTA = 1_000;

    @Inject
    GrantLedger ledger;

    @Inject
    DemoOrganizations demo;

    @BeforeEach
    void organizations() {
        ApprovedGrants.organizations(demo);
    }

    private static Approved grant() {
        Map<String, Object> terms = ApprovedGrants.allModes();
        terms.put("byteQuotaPerGrant", QUOTA);
        return ApprovedGrants.grant(
                terms, Map.of("d/a.bin", TestStore.bytes(1, 10)), List.of("STREAM"), Duration.ofDays(1));
    }

    @Test
    void shouldFindTheGrantOnlyForItsOwnOrganization() {
        UUID id = UUID.fromString(grant().grantId());
        UsableGrant found =
                ledger.check(id, DemoOrganizations.ALPHA, null).orElseThrow().grant();
        assertThat(found.allows(AccessMode.STREAM)).isTrue();
        assertThat(found.allows(AccessMode.S3_ENDPOINT)).isFalse();
        assertThat(found.byteQuota()).isEqualTo(QUOTA);
        assertThat(ledger.check(id, DemoOrganizations.BETA, null)).isEmpty();
    }

    @Test
    void shouldCheckAGrantInOneReadAndAnswerWhyItIsNotUsableWithoutThrowing() {
        UUID id = UUID.fromString(grant().grantId());
        assertThat(ledger.check(UUID.randomUUID(), DemoOrganizations.ALPHA, AccessMode.STREAM))
                .isEmpty();
        assertThat(ledger.check(id, DemoOrganizations.BETA, AccessMode.STREAM)).isEmpty();

        GrantCheck usable = ledger.check(id, DemoOrganizations.ALPHA, null).orElseThrow();
        assertThat(usable.mode()).as("the grant's first mode stands for none").isEqualTo(AccessMode.STREAM);
        assertThat(usable.usable()).isTrue();
        GrantCheck otherMode = ledger.check(id, DemoOrganizations.ALPHA, AccessMode.S3_ENDPOINT)
                .orElseThrow();
        assertThat(otherMode.modeAllowed()).isFalse();
        assertThat(otherMode.notUsable()).contains("does not allow S3_ENDPOINT");

        as(Tokens.OPERATOR)
                .body(Map.of("reason", "ledger check test"))
                .post("/api/v1/grants/" + id + "/revoke")
                .then()
                .statusCode(200);
        GrantCheck revoked =
                ledger.check(id, DemoOrganizations.ALPHA, AccessMode.STREAM).orElseThrow();
        assertThat(revoked.usable()).isFalse();
        assertThat(revoked.notUsable()).contains("REVOKED");
    }

    @Test
    void shouldRefuseAModeTheGrantDoesNotAllowAndARevokedGrantAsNotUsable() {
        UUID id = UUID.fromString(grant().grantId());
        assertThat(ledger.requireUsable(id, AccessMode.STREAM, DemoOrganizations.ALPHA)
                        .id())
                .isEqualTo(id);
        assertThatThrownBy(() -> ledger.requireUsable(id, AccessMode.S3_ENDPOINT, DemoOrganizations.ALPHA))
                .isInstanceOf(GrantNotUsable.class)
                .hasMessageContaining("does not allow S3_ENDPOINT");
        assertThatThrownBy(() -> ledger.requireUsable(id, AccessMode.STREAM, DemoOrganizations.BETA))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.code().status()).isEqualTo(404));

        as(Tokens.OPERATOR)
                .body(Map.of("reason", "ledger test"))
                .post("/api/v1/grants/" + id + "/revoke")
                .then()
                .statusCode(200);
        assertThatThrownBy(() -> ledger.requireUsable(id, AccessMode.STREAM, DemoOrganizations.ALPHA))
                .isInstanceOf(GrantNotUsable.class)
                .hasMessageContaining("REVOKED");
    }

    @Test
    void shouldReserveBytesUpToTheQuotaAndTakeBackWhatWasNotSent() {
        UUID id = UUID.fromString(grant().grantId());
        assertThat(ledger.tryReserveBytes(id, 600)).isTrue();
        assertThat(ledger.tryReserveBytes(id, 401)).as("600 + 401 > 1000").isFalse();
        assertThat(ledger.byteUsage(id)).isEqualTo(new ByteUsage(600, QUOTA));
        assertThat(ledger.tryReserveBytes(id, 400)).isTrue();
        assertThat(ledger.byteUsage(id).used()).isEqualTo(QUOTA);

        ledger.releaseBytes(id, 250);
        assertThat(ledger.byteUsage(id)).isEqualTo(new ByteUsage(750, QUOTA));
    }
}
