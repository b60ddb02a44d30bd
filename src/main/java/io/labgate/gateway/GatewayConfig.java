package io.labgate.gateway;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;
import java.time.Duration;

/** The S3-compatible endpoint: its region and the clock skew it tolerates. */
@ConfigMapping(prefix = "labgate.gateway")
public interface GatewayConfig {

    /** The region clients sign for ({@code aws --region}); S3 clients default to {@code us-east-1}. */
    @WithDefault("us-east-1")
    String region();

    /** How far a header-signed request's time may be from LabGate's clock (S3: 15 minutes). */
    @WithDefault("15m")
    Duration maxClockSkew();

    /**
     * How many requests from one source address may fail verification (unknown key, bad signature, skewed clock)
     * in a minute; past it, that address's requests answer {@code SlowDown} before any key lookup or signature
     * check until the minute ends. Such refusals are counted per minute in the usage log, not written one by one.
     */
    @WithDefault("60")
    @Min(1)
    int unverifiedPerMinute();

    /**
     * The port of the S3 API's own listener, at the root of its host ({@code aws --endpoint-url http://host:9080}),
     * as tools that cannot use a path prefix need (s3cmd, mc); 0 picks a free one; absent: no such listener, only
     * {@code /s3} on the main port. It listens on {@code quarkus.http.host}.
     */
    java.util.OptionalInt rootPort();

    /**
     * The host name of the root listener under which buckets are addressed virtual-hosted-style
     * ({@code <bucket>.s3.example.com}), as SDKs do by default and {@code mc} with {@code --path off}: a request
     * whose host lies below it names its bucket there, any other host is path-style. Give the name (and the
     * wildcard {@code *.}name) DNS and a certificate. Absent: path-style only.
     */
    java.util.Optional<String> virtualHostDomain();
}
