package io.labgate.export;

import io.labgate.platform.http.RequestIds;
import io.labgate.usage.api.UsageAction;
import io.labgate.usage.api.UsageEventDraft;
import io.labgate.usage.api.UsageLog;
import io.labgate.usage.api.UsageOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Every step of an export in the usage log. Changes are recorded with the transaction that makes them (the log's
 * outbox); a download is recorded, with the artifact's size, before its first byte leaves.
 */
@ApplicationScoped
class ExportUsage {

    @Inject
    UsageLog usageLog;

    /** With the caller's transaction: the event commits with the change or not at all. */
    void changed(
            ExportRequest export, UsageAction action, String actor, UsageOutcome outcome, String reason, Long bytes) {
        usageLog.recordWithChange(draft(export, action, actor, outcome, reason, bytes, null));
    }

    /** Before the download's first byte, committed (503 when it cannot be: nothing is sent). */
    void downloading(ExportRequest export, String actor, ExportArtifact artifact) {
        usageLog.record(draft(
                export,
                UsageAction.EXPORT_DOWNLOADED,
                actor,
                UsageOutcome.SUCCESS,
                null,
                artifact.sizeBytes,
                artifact.name));
    }

    /** {@code exports/<id>/<artifact>}, cut to the log's 1,024 characters (the id comes first, it names the export). */
    private static String key(ExportRequest export, String artifact) {
        String key = "exports/" + export.id + (artifact == null ? "" : "/" + artifact);
        return key.length() <= 1024 ? key : key.substring(0, 1024);
    }

    private static UsageEventDraft draft(
            ExportRequest export,
            UsageAction action,
            String actor,
            UsageOutcome outcome,
            String reason,
            Long bytes,
            String artifact) {
        return UsageEventDraft.builder(action, outcome, actor)
                .organization(export.organizationId)
                .objectKey(key(export, artifact))
                .bytes(bytes)
                .reason(reason)
                .requestId(RequestIds.current())
                .clientRequestId(RequestIds.currentClient())
                .build();
    }
}
