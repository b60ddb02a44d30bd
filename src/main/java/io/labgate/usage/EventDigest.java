package io.labgate.usage;

import io.labgate.usage.api.LoggedEvent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The one definition of how a usage event is hashed into the chain. Pure: no clock, no database.
 *
 * <p>{@code hash = hex(SHA-256(UTF-8(prevHash + "\n" + canonical(event))))}. The canonical form lists every field
 * except the two hashes, in a fixed order, one per line: {@code name=~} for null, otherwise
 * {@code name=<length>:<value>} where length counts the UTF-8 bytes of the value, so no value (not even one holding
 * newlines or {@code =}) can be confused with another field. Instants are ISO-8601 UTC with exactly six fraction
 * digits ({@code 2026-03-01T09:00:00.000000Z}), truncated to microseconds as PostgreSQL stores them. UUIDs are
 * lower case, numbers decimal. {@code occurrences} follows, only when it is not 1, and {@code client_request_id} last, only when
 * it is not null: events written before those columns existed keep their hashes.
 */
public final class EventDigest {

    /** The prev_hash of the first event of the log. */
    public static final String GENESIS = "0".repeat(64);

    private static final DateTimeFormatter INSTANT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private EventDigest() {}

    /** The chain hash of {@code event} after an event whose hash is {@code prevHash}. */
    public static String hash(String prevHash, LoggedEvent event) {
        if (prevHash == null || prevHash.length() != 64) {
            throw new IllegalArgumentException("prevHash must be 64 hex digits");
        }
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha256.digest((prevHash + "\n" + canonical(event)).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The canonical serialisation of every field but prev_hash and hash. */
    public static String canonical(LoggedEvent e) {
        StringBuilder out = new StringBuilder(512);
        field(out, "seq", Long.toString(e.seq()));
        field(out, "id", e.id());
        field(out, "occurred_at", e.occurredAt() == null ? null : instant(e.occurredAt()));
        field(out, "organization_id", e.organizationId());
        field(out, "subject", e.subject());
        field(out, "grant_id", e.grantId());
        field(out, "dataset_version_id", e.datasetVersionId());
        field(out, "action", e.action());
        field(out, "object_key", e.objectKey());
        field(out, "bytes", e.bytes());
        field(out, "client_address", e.clientAddress());
        field(out, "outcome", e.outcome());
        field(out, "reason", e.reason());
        field(out, "request_id", e.requestId());
        if (e.occurrences() != 1) {
            // only where it says something: events written before the column existed keep their hashes
            field(out, "occurrences", Integer.toString(e.occurrences()));
        }
        if (e.clientRequestId() != null) {
            // likewise only where there is one (V24)
            field(out, "client_request_id", e.clientRequestId());
        }
        return out.toString();
    }

    /** ISO-8601 UTC with microsecond precision, always six fraction digits. */
    public static String instant(Instant instant) {
        return INSTANT.format(instant.truncatedTo(ChronoUnit.MICROS));
    }

    private static void field(StringBuilder out, String name, Object value) {
        out.append(name).append('=');
        if (value == null) {
            out.append('~');
        } else {
            String text = value.toString();
            out.append(text.getBytes(StandardCharsets.UTF_8).length).append(':').append(text);
        }
        out.append('\n');
    }
}
