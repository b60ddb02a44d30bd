package io.labgate.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.labgate.usage.api.LoggedEvent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class EventDigestTest {

    private static final String PREV = "ab".repeat(32);

    private static final LoggedEvent EVENT = new LoggedEvent(
            UUID.fromString("00000000-0000-4000-8000-000000000001"),
            42,
            Instant.parse("2026-03-01T09:00:00.123456789Z"),
            UUID.fromString("a1000000-0000-4000-8000-000000000001"),
            "alice",
            UUID.fromString("c0000000-0000-4000-8000-000000000003"),
            UUID.fromString("d0000000-0000-4000-8000-000000000004"),
            "OBJECT_STREAMED",
            "images/é 1.png",
            1024L,
            "10.0.0.7",
            "SUCCESS",
            null,
            "req-12345678",
            null,
            1,
            null,
            null);

    @Test
    void canonicalFormListsEveryFieldInAFixedOrderWithExplicitNulls() {
        assertThat(EventDigest.canonical(EVENT)).isEqualTo("""
                seq=2:42
                id=36:00000000-0000-4000-8000-000000000001
                occurred_at=27:2026-03-01T09:00:00.123456Z
                organization_id=36:a1000000-0000-4000-8000-000000000001
                subject=5:alice
                grant_id=36:c0000000-0000-4000-8000-000000000003
                dataset_version_id=36:d0000000-0000-4000-8000-000000000004
                action=15:OBJECT_STREAMED
                object_key=15:images/é 1.png
                bytes=4:1024
                client_address=8:10.0.0.7
                outcome=7:SUCCESS
                reason=~
                request_id=12:req-12345678
                """);
    }

    @Test
    void occurrencesAreListedLastAndOnlyWhenAnEventStandsForSeveral() {
        // one occurrence: exactly the form of the events written before the column existed (V20), same hash
        assertThat(EventDigest.canonical(EVENT)).doesNotContain("occurrences").endsWith("request_id=12:req-12345678\n");
        assertThat(EventDigest.canonical(copy(EVENT, "occurrences", 12)))
                .isEqualTo(EventDigest.canonical(EVENT) + "occurrences=2:12\n");
    }

    @Test
    void theClientsRequestIdIsListedLastAndOnlyWhenThereIsOne() {
        // events written before the column existed keep their hashes
        assertThat(EventDigest.canonical(EVENT)).doesNotContain("client_request_id");
        assertThat(EventDigest.canonical(copy(copy(EVENT, "occurrences", 12), "clientRequestId", "abc-12345")))
                .isEqualTo(EventDigest.canonical(EVENT) + "occurrences=2:12\nclient_request_id=9:abc-12345\n");
    }

    @Test
    void hashIsSha256HexOfPrevHashAndCanonicalForm() throws Exception {
        String expected = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256")
                        .digest((PREV + "\n" + EventDigest.canonical(EVENT)).getBytes(StandardCharsets.UTF_8)));

        assertThat(EventDigest.hash(PREV, EVENT)).isEqualTo(expected).matches("[0-9a-f]{64}");
        assertThat(EventDigest.hash(PREV, EVENT)).as("deterministic").isEqualTo(EventDigest.hash(PREV, EVENT));
        assertThat(EventDigest.GENESIS).isEqualTo("0".repeat(64));
    }

    @Test
    void instantsAreUtcWithExactlyMicroseconds() {
        assertThat(EventDigest.instant(Instant.parse("2026-03-01T00:00:00Z"))).isEqualTo("2026-03-01T00:00:00.000000Z");
        assertThat(EventDigest.instant(Instant.parse("2026-03-01T09:00:00.123456999Z")))
                .isEqualTo("2026-03-01T09:00:00.123456Z");
        // what PostgreSQL gives back (microseconds) hashes like what was written (nanoseconds)
        LoggedEvent stored = with(e -> copy(e, "occurredAt", Instant.parse("2026-03-01T09:00:00.123456Z")));
        assertThat(EventDigest.hash(PREV, stored)).isEqualTo(EventDigest.hash(PREV, EVENT));
    }

    @Test
    void aChangeInAnyFieldChangesTheHash() {
        String original = EventDigest.hash(PREV, EVENT);
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("id", UUID.fromString("00000000-0000-4000-8000-000000000002"));
        changes.put("seq", 43L);
        changes.put("occurredAt", Instant.parse("2026-03-01T09:00:00.123457Z"));
        changes.put("organizationId", UUID.fromString("a2000000-0000-4000-8000-000000000002"));
        changes.put("subject", "bob");
        changes.put("grantId", UUID.fromString("c0000000-0000-4000-8000-000000000009"));
        changes.put("datasetVersionId", null);
        changes.put("action", "LINK_ISSUED");
        changes.put("objectKey", "images/é 2.png");
        changes.put("bytes", 1025L);
        changes.put("clientAddress", "10.0.0.8");
        changes.put("outcome", "FAILED");
        changes.put("reason", "GRANT_EXPIRED");
        changes.put("requestId", "req-87654321");
        changes.put("occurrences", 7);
        changes.put("clientRequestId", "client-0001");
        assertThat(changes).hasSize(16);

        changes.forEach((field, value) -> assertThat(EventDigest.hash(PREV, copy(EVENT, field, value)))
                .as("changing " + field)
                .isNotEqualTo(original));
        assertThat(EventDigest.hash("cd".repeat(32), EVENT))
                .as("changing prev_hash")
                .isNotEqualTo(original);
    }

    @Test
    void nullIsNeitherEmptyNorTheNullMarker() {
        String absent = EventDigest.hash(PREV, copy(EVENT, "reason", null));
        assertThat(EventDigest.hash(PREV, copy(EVENT, "reason", ""))).isNotEqualTo(absent);
        assertThat(EventDigest.hash(PREV, copy(EVENT, "reason", "~"))).isNotEqualTo(absent);
        assertThat(EventDigest.hash(PREV, copy(EVENT, "reason", "null"))).isNotEqualTo(absent);
        assertThat(EventDigest.hash(PREV, copy(EVENT, "bytes", null)))
                .isNotEqualTo(EventDigest.hash(PREV, copy(EVENT, "bytes", 0L)));
    }

    @Test
    void aValueCannotImpersonateTheNextField() {
        // without lengths, "subject=alice\ngrant_id=..." in a subject could pass for two fields
        LoggedEvent shifted = copy(copy(EVENT, "objectKey", "a\nbytes=4:1024"), "bytes", null);
        LoggedEvent plain = copy(EVENT, "objectKey", "a");
        assertThat(EventDigest.hash(PREV, shifted)).isNotEqualTo(EventDigest.hash(PREV, plain));
    }

    @Test
    void hashesAreNotStoredFieldsOfTheDigest() {
        LoggedEvent chained = EVENT.chainedAfter(PREV);
        assertThat(chained.prevHash()).isEqualTo(PREV);
        assertThat(chained.hash()).isEqualTo(EventDigest.hash(PREV, EVENT));
        assertThat(EventDigest.hash(PREV, chained)).isEqualTo(chained.hash());
    }

    @Test
    void aMalformedPrevHashIsRefused() {
        assertThatThrownBy(() -> EventDigest.hash("abc", EVENT)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EventDigest.hash(null, EVENT)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void verifierReportsTheKindOfBreak() {
        LoggedEvent first = copy(EVENT, "seq", 1L).chainedAfter(EventDigest.GENESIS);
        LoggedEvent second = copy(copy(EVENT, "seq", 2L), "bytes", 7L).chainedAfter(first.hash());
        LoggedEvent third = copy(copy(EVENT, "seq", 3L), "bytes", 9L).chainedAfter(second.hash());
        assertThat(ChainVerifier.check(null, first)).isNull();
        assertThat(ChainVerifier.check(first, second)).isNull();

        assertThat(ChainVerifier.check(first, copy(second, "bytes", 8L)).reason())
                .isEqualTo("HASH_MISMATCH");
        assertThat(ChainVerifier.check(first, third).reason()).isEqualTo("SEQ_GAP");
        LoggedEvent relinked = copy(copy(EVENT, "seq", 2L), "bytes", 7L).chainedAfter(PREV);
        assertThat(ChainVerifier.check(first, relinked).reason()).isEqualTo("PREV_HASH_MISMATCH");
        assertThat(ChainVerifier.check(null, copy(EVENT, "seq", 1L).chainedAfter(PREV))
                        .reason())
                .as("the first event of the log follows the genesis hash")
                .isEqualTo("PREV_HASH_MISMATCH");
    }

    private static LoggedEvent with(UnaryOperator<LoggedEvent> change) {
        return change.apply(EVENT);
    }

    private static LoggedEvent copy(LoggedEvent e, String field, Object v) {
        return new LoggedEvent(
                field.equals("id") ? (UUID) v : e.id(),
                field.equals("seq") ? (Long) v : e.seq(),
                field.equals("occurredAt") ? (Instant) v : e.occurredAt(),
                field.equals("organizationId") ? (UUID) v : e.organizationId(),
                field.equals("subject") ? (String) v : e.subject(),
                field.equals("grantId") ? (UUID) v : e.grantId(),
                field.equals("datasetVersionId") ? (UUID) v : e.datasetVersionId(),
                field.equals("action") ? (String) v : e.action(),
                field.equals("objectKey") ? (String) v : e.objectKey(),
                field.equals("bytes") ? (Long) v : e.bytes(),
                field.equals("clientAddress") ? (String) v : e.clientAddress(),
                field.equals("outcome") ? (String) v : e.outcome(),
                field.equals("reason") ? (String) v : e.reason(),
                field.equals("requestId") ? (String) v : e.requestId(),
                field.equals("clientRequestId") ? (String) v : e.clientRequestId(),
                field.equals("occurrences") ? (Integer) v : e.occurrences(),
                e.prevHash(),
                e.hash());
    }
}
