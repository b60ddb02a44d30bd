package io.labgate.platform.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.labgate.platform.error.ApiException;
import io.labgate.platform.error.ErrorCode;
import io.labgate.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Makes a creation safe to retry. With an {@code Idempotency-Key}, the first request's answer is stored in the
 * same transaction as the creation; a retry with the same key and body gets that answer again, a retry with
 * the same key and another body gets 422. Two concurrent requests with one key serialise on the primary key:
 * the second waits for the first to commit and then replays it.
 */
@ApplicationScoped
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    /**
     * Runs {@code creation} once per (caller, operation, key).
     *
     * @param key the client's Idempotency-Key header, or null to run without idempotency
     * @param request the request body, compared with the first request's
     */
    @Transactional
    public Response execute(String key, String operation, Object request, Supplier<IdempotentResult> creation) {
        if (key == null) {
            return toResponse(creation.get());
        }
        if (!KEY.matcher(key).matches()) {
            throw ApiException.invalid(HEADER, "must be 1 to 128 letters, digits or ._:-");
        }
        String hash = sha256(serialize(request));
        // claim the key; if another transaction holds it, this waits until that one ends
        int claimed = em.createNativeQuery("""
                INSERT INTO idempotency_record (principal, operation, idem_key, request_hash, status, body, created_at)
                VALUES (?1, ?2, ?3, ?4, 0, '', ?5) ON CONFLICT DO NOTHING""")
                .setParameter(1, caller.subject())
                .setParameter(2, operation)
                .setParameter(3, key)
                .setParameter(4, hash)
                .setParameter(5, clock.instant())
                .executeUpdate();
        if (claimed == 0) {
            return replay(key, operation, hash);
        }
        IdempotentResult result = creation.get();
        em.createNativeQuery("""
                UPDATE idempotency_record SET status = ?1, location = ?2, body = ?3
                WHERE principal = ?4 AND operation = ?5 AND idem_key = ?6""")
                .setParameter(1, result.status())
                .setParameter(
                        2, result.location() == null ? null : result.location().toString())
                .setParameter(3, serialize(result.body()))
                .setParameter(4, caller.subject())
                .setParameter(5, operation)
                .setParameter(6, key)
                .executeUpdate();
        return toResponse(result);
    }

    private Response replay(String key, String operation, String hash) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT request_hash, status, location, body FROM idempotency_record
                WHERE principal = ?1 AND operation = ?2 AND idem_key = ?3""")
                .setParameter(1, caller.subject())
                .setParameter(2, operation)
                .setParameter(3, key)
                .getResultList();
        Object[] row = rows.get(0);
        if (!hash.equals(row[0])) {
            throw new ApiException(
                    ErrorCode.UNPROCESSABLE,
                    "Idempotency-Key " + key + " was already used with a different request body");
        }
        Response.ResponseBuilder builder = Response.status((Integer) row[1])
                .type(MediaType.APPLICATION_JSON)
                .entity(row[3])
                .header("Idempotent-Replayed", "true");
        if (row[2] != null) {
            builder.location(URI.create((String) row[2]));
        }
        return builder.build();
    }

    private static Response toResponse(IdempotentResult result) {
        Response.ResponseBuilder builder = Response.status(result.status()).entity(result.body());
        if (result.location() != null) {
            builder.location(result.location());
        }
        if (result.etag() != null) {
            builder.tag(result.etag());
        }
        return builder.build();
    }

    private String serialize(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass(), e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
