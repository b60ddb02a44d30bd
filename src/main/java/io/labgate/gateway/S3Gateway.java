package io.labgate.gateway;

import io.labgate.delivery.api.AccessContext;
import io.labgate.delivery.api.AccessPath;
import io.labgate.delivery.api.DeliveryRefused;
import io.labgate.delivery.api.GrantedVersion;
import io.labgate.delivery.api.ObjectDelivery;
import io.labgate.gateway.key.AccessKeyService;
import io.labgate.gateway.key.KeyResolution;
import io.labgate.gateway.sigv4.S3Error;
import io.labgate.gateway.sigv4.S3ErrorCode;
import io.labgate.gateway.sigv4.SigV4Result;
import io.labgate.gateway.sigv4.SigV4Verifier;
import io.labgate.policy.api.AccessMode;
import io.labgate.usage.api.UsageLogException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * The S3-compatible read-only endpoint: authenticates every request with SigV4 against the access key's secret,
 * authorizes the bucket of the key's grant (named {@code <dataset-code>-<version-label>}, lower case, keys relative
 * to the version's prefix) and hands the operation to its {@link S3OperationHandler}. Anything else is an S3 XML
 * error. Every request is a usage event.
 *
 * <p>An unknown or revoked key, and a key whose grant is not usable right now (revoked, suspended, expired), is
 * {@code InvalidAccessKeyId}: a key lives only as long as its grant, and the answer does not tell a stranger whether
 * a key id ever existed.
 */
@ApplicationScoped
public class S3Gateway {

    private static final Logger LOG = Logger.getLogger(S3Gateway.class);

    @Inject
    AccessKeyService keys;

    @Inject
    GatewayConfig config;

    @Inject
    S3RequestLog log;

    @Inject
    Clock clock;

    @Inject
    ObjectDelivery delivery;

    @Inject
    Instance<S3OperationHandler<?>> handlerBeans;

    @Inject
    MeterRegistry registry;

    /** Addresses whose requests keep failing verification: throttled before any key lookup. */
    private UnverifiedSources unverified;

    /** Requests refused before verification because their address kept failing it. */
    private Counter throttled;

    private Map<Class<?>, S3OperationHandler<?>> handlers;

    @PostConstruct
    void init() {
        unverified = new UnverifiedSources(config.unverifiedPerMinute(), clock);
        throttled = Counter.builder("labgate.gateway.unverified.throttled")
                .description("S3 requests refused SlowDown before verification: their address kept failing it")
                .register(registry);
        handlers = S3OperationHandler.byOperation(handlerBeans);
    }

    @ActivateRequestContext
    public void handle(S3Call call, S3Exchange exchange) {
        if (unverified.throttled(call.clientAddress())) {
            throttled.increment();
            refuseUnverified(
                    call,
                    exchange,
                    null,
                    new S3Error(S3ErrorCode.SlowDown, "Please reduce your request rate."),
                    Map.of("Retry-After", Long.toString(unverified.secondsLeft())));
            return;
        }
        AtomicReference<String> claimed = new AtomicReference<>();
        AtomicReference<KeyResolution> resolved = new AtomicReference<>();
        KeyResolution.Usable key = null;
        S3Target target = null;
        try {
            SigV4Verifier verifier = new SigV4Verifier(
                    config.region(),
                    id -> {
                        claimed.set(id);
                        KeyResolution resolution = keys.resolve(id);
                        resolved.set(resolution);
                        return resolution instanceof KeyResolution.Usable usable
                                ? Optional.of(usable.secret())
                                : Optional.empty();
                    },
                    clock,
                    config.maxClockSkew());
            SigV4Result result = verifier.verify(call.request());
            if (result instanceof SigV4Result.Rejected rejected) {
                refuseUnverified(call, exchange, claimed.get(), rejected.error(), Map.of());
                return;
            }
            key = (KeyResolution.Usable) resolved.get();
            S3Operation operation = S3Operation.parse(
                    call.request().method(), call.path(), call.request().rawQuery());
            target = target(call, key);
            if (operation instanceof S3Operation.Refused refused) {
                throw new S3Refusal(refused.error().code(), refused.error().message());
            }
            if (operation.bucket() != null && !operation.bucket().equals(target.bucket())) {
                throw new S3Refusal(S3ErrorCode.NoSuchBucket, "The specified bucket does not exist");
            }
            serve(handlers.get(operation.getClass()), call, operation, target, exchange);
        } catch (DeliveryRefused refused) {
            S3Refusal refusal = S3Refusal.of(refused);
            S3Answers.error(call, exchange, refusal.error, refusal.headers);
        } catch (S3Refusal refusal) {
            if (!refusal.logged) {
                // serving raises these only after the signature verified: the key's holder asked
                log.refused(call, key, target, refusal.error);
            }
            S3Answers.error(call, exchange, refusal.error, refusal.headers);
        } catch (RuntimeException e) {
            LOG.errorf(e, "S3 request %s failed", call.requestId());
            if (exchange.started()) {
                exchange.abort();
            } else {
                S3Error error = e instanceof UsageLogException
                        ? new S3Error(S3ErrorCode.ServiceUnavailable, "Please reduce your request rate.")
                        : new S3Error(S3ErrorCode.InternalError, "We encountered an internal error. Please try again.");
                S3Answers.error(call, exchange, error, Map.of());
            }
        }
    }

    /** Serves with the handler found by the operation's class: the cast cannot fail. */
    private static <O extends S3Operation> void serve(
            S3OperationHandler<O> handler, S3Call call, S3Operation operation, S3Target target, S3Exchange exchange) {
        handler.serve(call, handler.operation().cast(operation), target, exchange);
    }

    /** A request that did not verify: counted against its source address, tallied, answered. */
    private void refuseUnverified(
            S3Call call, S3Exchange exchange, String claimedKeyId, S3Error error, Map<String, String> extraHeaders) {
        unverified.failed(call.clientAddress());
        log.unverified(call, claimedKeyId, error);
        S3Answers.error(call, exchange, error, extraHeaders);
    }

    /** The grant authorized for this request by ObjectDelivery (rate, mode, period, network) and its bucket. */
    private S3Target target(S3Call call, KeyResolution.Usable key) {
        AccessContext context = new AccessContext(
                S3RequestLog.subject(key),
                key.organizationId(),
                call.requestId(),
                null,
                S3RequestLog.truncate(call.clientAddress(), 64),
                AccessPath.S3_ENDPOINT,
                () -> keys.isUnrevoked(key.accessKeyId()));
        GrantedVersion granted = delivery.authorize(
                key.grantId(),
                key.organizationId(),
                AccessMode.S3_ENDPOINT,
                S3Call.address(call.clientAddress()),
                context);
        return new S3Target(key, granted, S3BucketNames.bucketName(granted.datasetCode(), granted.versionLabel()));
    }
}
