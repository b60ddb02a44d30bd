package io.labgate.gateway.sigv4;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The SigV4 signing key of one access key for one day, region and service:
 * {@code HMAC(HMAC(HMAC(HMAC("AWS4" + secret, yyyyMMdd), region), service), "aws4_request")}.
 *
 * <p>The key is valid for a whole UTC day, so it can be derived once and {@linkplain Cache cached}.
 */
public final class SigningKey {

    static final String HMAC_SHA256 = "HmacSHA256";
    static final String TERMINATOR = "aws4_request";
    private static final DateTimeFormatter BASIC_DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private final byte[] key;

    private SigningKey(byte[] key) {
        this.key = key;
    }

    /** Derives the signing key from the secret access key. */
    public static SigningKey derive(String secretAccessKey, LocalDate date, String region, String service) {
        byte[] k = hmac(("AWS4" + secretAccessKey).getBytes(StandardCharsets.UTF_8), date.format(BASIC_DATE));
        k = hmac(k, region);
        k = hmac(k, service);
        return new SigningKey(hmac(k, TERMINATOR));
    }

    /** The signature of a string to sign: HMAC-SHA256 under this key, in lower-case hex. */
    public String signatureOf(String stringToSign) {
        return Hex.lower(hmac(key, stringToSign));
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance(HMAC_SHA256);
            mac.init(new SecretKeySpec(key, HMAC_SHA256));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    @Override
    public String toString() {
        return "SigningKey[redacted]";
    }

    /**
     * A bounded, least-recently-used cache of signing keys per access key, day, region and service. An entry is
     * used only while the secret it was derived from is still the access key's secret, so a rotated secret never
     * verifies through a stale key. Thread-safe.
     */
    public static final class Cache {

        private record Scope(String accessKeyId, LocalDate date, String region, String service) {}

        private record Entry(byte[] secret, SigningKey key) {}

        private final Map<Scope, Entry> entries;

        public Cache(int maxEntries) {
            if (maxEntries < 1) {
                throw new IllegalArgumentException("maxEntries must be at least 1");
            }
            this.entries = new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Scope, Entry> eldest) {
                    return size() > maxEntries;
                }
            };
        }

        /** The signing key for the access key's current secret; derived and remembered when not cached. */
        public SigningKey get(
                String accessKeyId, String secretAccessKey, LocalDate date, String region, String service) {
            Objects.requireNonNull(secretAccessKey, "secretAccessKey");
            Scope scope = new Scope(accessKeyId, date, region, service);
            byte[] secret = secretAccessKey.getBytes(StandardCharsets.UTF_8);
            synchronized (entries) {
                Entry cached = entries.get(scope);
                if (cached != null && MessageDigest.isEqual(cached.secret(), secret)) {
                    return cached.key();
                }
            }
            SigningKey derived = derive(secretAccessKey, date, region, service);
            synchronized (entries) {
                entries.put(scope, new Entry(secret, derived));
            }
            return derived;
        }

        /** How many keys are cached (for tests and metrics). */
        public int size() {
            synchronized (entries) {
                return entries.size();
            }
        }
    }
}
