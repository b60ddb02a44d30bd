package io.labgate.gateway;

import io.labgate.delivery.api.GrantedVersion;
import io.labgate.delivery.api.ManifestObject;
import io.labgate.gateway.key.KeyResolution;
import io.labgate.gateway.sigv4.SigV4Request;
import io.labgate.policy.api.AccessMode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A verified request on the bucket {@code examplebucket}, as the handlers receive it from S3Gateway. */
final class S3HandlerFixtures {

    static final UUID ORGANIZATION = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    static final UUID GRANT = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    static final UUID VERSION = UUID.fromString("00000000-0000-0000-0000-00000000000c");
    static final Instant PUBLISHED = Instant.parse("2009-10-12T17:50:30Z");
    static final String REQUEST_ID = "318BC8BC148832E5";

    /** A manifest entry as AWS's HeadObject example describes its object: 434234 bytes of JPEG. */
    static final ManifestObject PHOTO = new ManifestObject(
            "my-image.jpg",
            434234,
            "fba9dede5f27731c9771645a39863328fba9dede5f27731c9771645a39863328",
            "image/jpeg",
            Instant.parse("2009-10-12T17:50:30Z"));

    private S3HandlerFixtures() {}

    static S3Target target() {
        GrantedVersion granted = new GrantedVersion(
                GRANT,
                ORGANIZATION,
                VERSION,
                "store",
                "datasets/example/v1/",
                AccessMode.S3_ENDPOINT,
                3600,
                PUBLISHED.plusSeconds(86_400 * 365L),
                0,
                null,
                "example",
                "bucket",
                PUBLISHED);
        return new S3Target(
                new KeyResolution.Usable("AKIAIOSFODNN7EXAMPLE", GRANT, ORGANIZATION, "secret"),
                granted,
                "examplebucket");
    }

    /** A request with these headers (name, value, name, value, ...). */
    static S3Call call(String method, String path, String rawQuery, String... headers) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (int i = 0; i < headers.length; i += 2) {
            map.put(headers[i], List.of(headers[i + 1]));
        }
        return new S3Call(new SigV4Request(method, "/s3" + path, rawQuery, map), path, "192.0.2.7", REQUEST_ID);
    }

    static S3RequestLog log(FakeUsageLog usage) {
        S3RequestLog log = new S3RequestLog();
        log.usage = usage;
        return log;
    }

    /** A manifest of these keys (in order), each of {@code size} bytes, as ObjectDelivery lists it. */
    static ObjectListing.Source manifest(List<String> keys) {
        return (prefix, startAfter, limit) -> keys.stream()
                .filter(k -> k.startsWith(prefix))
                .filter(k -> startAfter == null || k.compareTo(startAfter) > 0)
                .limit(limit)
                .map(k -> new ListedObject(k, 142863, "a".repeat(64), PUBLISHED))
                .toList();
    }
}
