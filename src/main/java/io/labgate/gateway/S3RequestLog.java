package io.labgate.gateway;

import io.labgate.gateway.key.KeyResolution;
import io.labgate.gateway.sigv4.S3Error;
import io.labgate.usage.api.UsageAction;
import io.labgate.usage.api.UsageEventDraft;
import io.labgate.usage.api.UsageLog;
import io.labgate.usage.api.UsageOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * The usage events of S3 requests: every request is one. Served GetObjects and listings are logged by
 * ObjectDelivery (with the bytes sent, the pages read); the other operations and the refusals here.
 */
@ApplicationScoped
class S3RequestLog {

    private static final Logger LOG = Logger.getLogger(S3RequestLog.class);

    @Inject
    UsageLog usage;

    /** A served request of the key's holder, {@code "s3 <operation>"}, e.g. {@code "s3 HeadObject not modified"}. */
    void served(S3Call call, S3Target target, String operation, String objectKey, Long bytes) {
        usage.record(UsageEventDraft.builder(UsageAction.S3_REQUEST, UsageOutcome.SUCCESS, subject(target.key()))
                .organization(target.key().organizationId())
                .grant(target.key().grantId())
                .datasetVersion(target.granted().datasetVersionId())
                .objectKey(truncate(objectKey, 1024))
                .bytes(bytes)
                .clientAddress(truncate(call.clientAddress(), 64))
                .requestId(call.requestId())
                .reason("s3 " + operation)
                .build());
    }

    /**
     * A request that did not verify: tallied per minute, source, reason and claimed key, attributed to nobody (a key
     * id is no proof of who sent it).
     */
    void unverified(S3Call call, String claimedKeyId, S3Error error) {
        String subject = claimedKeyId == null ? "anonymous" : "unverified:" + truncate(claimedKeyId, 128);
        usage.tally(UsageEventDraft.builder(UsageAction.ACCESS_REFUSED, UsageOutcome.REFUSED, subject)
                .reason("s3 " + error.code().name())
                .clientAddress(truncate(call.clientAddress(), 64))
                .build());
        LOG.debugf("S3 request %s refused unverified: %s %s", call.requestId(), error.code(), error.message());
    }

    /**
     * A refusal of a verified request (the key's holder signed it), logged against its grant; {@code target} is
     * null when the grant was not authorized. The refusal is answered even when it could not be logged.
     */
    void refused(S3Call call, KeyResolution.Usable key, S3Target target, S3Error error) {
        try {
            usage.record(UsageEventDraft.builder(UsageAction.ACCESS_REFUSED, UsageOutcome.REFUSED, subject(key))
                    .organization(key.organizationId())
                    .grant(key.grantId())
                    .datasetVersion(target == null ? null : target.granted().datasetVersionId())
                    .reason("s3 " + error.code().name())
                    .clientAddress(truncate(call.clientAddress(), 64))
                    .requestId(call.requestId())
                    .build());
        } catch (RuntimeException e) {
            LOG.warnf(e, "S3 refusal %s could not be logged", call.requestId());
        }
        LOG.debugf("S3 request %s refused: %s %s", call.requestId(), error.code(), error.message());
    }

    /** The subject of an S3 request's usage events: the access key id. */
    static String subject(KeyResolution.Usable key) {
        return key.accessKeyId();
    }

    static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
