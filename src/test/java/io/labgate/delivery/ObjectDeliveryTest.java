package io.labgate.delivery;

import static io.labgate.delivery.DeliveryData.bytesUsed;
import static io.labgate.delivery.DeliveryData.events;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.labgate.delivery.DeliveryData.Event;
import io.labgate.delivery.api.AccessContext;
import io.labgate.delivery.api.AccessPath;
import io.labgate.delivery.api.ByteRange;
import io.labgate.delivery.api.DeliveryRefused;
import io.labgate.delivery.api.DeliveryRefused.Reason;
import io.labgate.delivery.api.GrantedVersion;
import io.labgate.delivery.api.ManifestObject;
import io.labgate.delivery.api.ObjectDelivery;
import io.labgate.delivery.api.ObjectPage;
import io.labgate.policy.api.AccessMode;
import io.labgate.testing.ApprovedGrants;
import io.labgate.testing.ApprovedGrants.Approved;
import io.labgate.testing.DemoOrganizations;
import io.labgate.testing.TestStore;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The core service as the S3 endpoint uses it: authorize, list, stat, stream, and every refusal logged. */
@QuarkusTest
class ObjectDeliveryTest {

    private static final byte[] A = TestStore.bytes(21, 3000);
    private static final byte[] B = TestStore.bytes(22, 10);
    private static final byte[] C = TestStore.bytes(23, 20);

    @Inject
    ObjectDelivery delivery;

    @Inject
    DemoOrganizations demo;

    @BeforeEach
    void organizations() {
        ApprovedGrants.organizations(demo);
    }

    private static Approved grant(List<String> modes) {
        return ApprovedGrants.grant(
                ApprovedGrants.allModes(),
                Map.of("d/a.bin", A, "d/sub/b.bin", B, "d/sub/c.bin", C, "outside.bin", C),
                modes,
                Duration.ofDays(1));
    }

    private static AccessContext ctx(AccessPath path) {
        return new AccessContext(
                "alice-test", DemoOrganizations.ALPHA, "req-" + UUID.randomUUID(), null, "127.0.0.1", path);
    }

    private GrantedVersion authorize(Approved approved, AccessMode mode) throws Exception {
        return delivery.authorize(
                UUID.fromString(approved.grantId()),
                DemoOrganizations.ALPHA,
                mode,
                InetAddress.getByName("127.0.0.1"),
                ctx(AccessPath.S3_ENDPOINT));
    }

    @Test
    void streamsAWholeObjectAndARangeCountingEveryByte() throws Exception {
        Approved approved = grant(List.of("STREAM", "S3_ENDPOINT"));
        GrantedVersion grant = authorize(approved, AccessMode.S3_ENDPOINT);
        assertThat(grant.bucket()).startsWith("lg-acc-");
        assertThat(grant.prefix()).isEqualTo("d/");

        ManifestObject a = delivery.stat(grant, "a.bin");
        assertThat(a.size()).isEqualTo(A.length);
        assertThat(a.etag()).isEqualTo("\"" + TestStore.sha256(A) + "\"");
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        delivery.stream(grant, a, ByteRange.WHOLE, whole, grant.context());
        assertThat(TestStore.sha256(whole.toByteArray())).isEqualTo(a.sha256());

        ByteArrayOutputStream part = new ByteArrayOutputStream();
        delivery.stream(grant, a, ByteRange.parse("bytes=100-199"), part, grant.context());
        assertThat(part.toByteArray()).isEqualTo(Arrays.copyOfRange(A, 100, 200));

        assertThat(bytesUsed(approved.grantId())).isEqualTo(A.length + 100L);
        assertThat(events(approved.grantId()))
                .filteredOn(e -> e.action().equals("S3_REQUEST"))
                .extracting(Event::bytes, Event::outcome, Event::objectKey, Event::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple((long) A.length, "SUCCESS", "a.bin", "s3 GetObject"),
                        org.assertj.core.groups.Tuple.tuple(100L, "SUCCESS", "a.bin", "s3 GetObject"));
    }

    @Test
    void listsOnlyTheManifestRelativeToThePrefixInPages() throws Exception {
        GrantedVersion grant = authorize(grant(List.of("S3_ENDPOINT")), AccessMode.S3_ENDPOINT);
        ObjectPage first = delivery.list(grant, null, null, 2);
        assertThat(first.objects()).extracting(ManifestObject::key).containsExactly("a.bin", "sub/b.bin");
        assertThat(first.truncated()).isTrue();
        ObjectPage second = delivery.list(grant, null, first.nextStartAfter(), 2);
        assertThat(second.objects()).extracting(ManifestObject::key).containsExactly("sub/c.bin");
        assertThat(second.truncated()).isFalse();
        assertThat(second.nextStartAfter()).isNull();
        assertThat(delivery.list(grant, "sub/", null, 1000).objects())
                .extracting(ManifestObject::key)
                .containsExactly("sub/b.bin", "sub/c.bin");
        assertThat(delivery.list(grant, "nothing/", null, 1000).objects()).isEmpty();
    }

    @Test
    void refusesKeysOutsideTheManifestAndLogsEachRefusal() throws Exception {
        Approved approved = grant(List.of("S3_ENDPOINT"));
        GrantedVersion grant = authorize(approved, AccessMode.S3_ENDPOINT);
        for (String key : List.of(
                "../outside.bin",
                "/d/a.bin",
                "d/a.bin",
                "sub/../a.bin",
                "sub",
                "",
                "A.BIN",
                "a.bin/",
                "./a.bin",
                "sub%2Fb.bin")) {
            assertThatThrownBy(() -> delivery.stat(grant, key))
                    .as(key)
                    .isInstanceOfSatisfying(
                            DeliveryRefused.class, e -> assertThat(e.reason()).isEqualTo(Reason.NO_SUCH_KEY));
        }
        assertThat(events(approved.grantId()))
                .filteredOn(e -> e.action().equals("ACCESS_REFUSED"))
                .hasSize(10)
                .allSatisfy(e -> assertThat(e.reason()).isEqualTo("NO_SUCH_KEY"));
    }

    @Test
    void refusesAnotherTenantAWrongModeAndAnUnsatisfiableRange() throws Exception {
        Approved approved = grant(List.of("S3_ENDPOINT"));
        UUID id = UUID.fromString(approved.grantId());
        InetAddress local = InetAddress.getByName("127.0.0.1");
        assertThatThrownBy(() -> delivery.authorize(
                        id,
                        DemoOrganizations.BETA,
                        AccessMode.S3_ENDPOINT,
                        local,
                        new AccessContext(
                                "bob", DemoOrganizations.BETA, null, null, "127.0.0.1", AccessPath.S3_ENDPOINT)))
                .isInstanceOfSatisfying(
                        DeliveryRefused.class, e -> assertThat(e.reason()).isEqualTo(Reason.NO_SUCH_GRANT));
        assertThatThrownBy(() -> authorize(approved, AccessMode.STREAM))
                .isInstanceOfSatisfying(
                        DeliveryRefused.class, e -> assertThat(e.reason()).isEqualTo(Reason.MODE_NOT_ALLOWED));
        GrantedVersion grant = authorize(approved, AccessMode.S3_ENDPOINT);
        ManifestObject b = delivery.stat(grant, "sub/b.bin");
        assertThatThrownBy(() -> delivery.stream(
                        grant, b, ByteRange.parse("bytes=10-"), new ByteArrayOutputStream(), grant.context()))
                .isInstanceOfSatisfying(DeliveryRefused.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.RANGE_NOT_SATISFIABLE);
                    assertThat(e.objectSize()).isEqualTo(B.length);
                });
        assertThat(bytesUsed(approved.grantId())).isZero();
        assertThat(events(approved.grantId()))
                .extracting(Event::reason)
                .contains("MODE_NOT_ALLOWED", "RANGE_NOT_SATISFIABLE");
    }
}
