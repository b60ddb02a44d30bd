package io.labgate.export;

import io.labgate.platform.storage.ObjectStore;
import io.labgate.platform.time.LabTime;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Ends the release window of approved exports: the originals of the released artifacts leave the company's sandbox
 * (only those names: what the company placed there since stays), the copies stay in the archive, the export is
 * ARCHIVED. Removing first and marking second makes a tick that dies halfway harmless: the next one removes again
 * (a removal of nothing is no failure) and marks; replicas ticking at once mark once (row lock, state check).
 */
@ApplicationScoped
public class ExportArchiveJob {

    private static final Logger LOG = Logger.getLogger(ExportArchiveJob.class);

    @Inject
    ObjectStore store;

    @Inject
    ExportRecords records;

    @Inject
    Clock clock;

    @Scheduled(
            identity = "export-archive",
            every = "${labgate.export.archive-every:15m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        run();
    }

    /** One tick; answers the exports archived. */
    @ActivateRequestContext
    public int run() {
        Instant now = LabTime.now(clock);
        List<ExportRequest> ended =
                ExportRequest.list("status = ?1 and releasedUntil <= ?2", ExportStatus.APPROVED, now);
        int archived = 0;
        for (ExportRequest export : ended) {
            for (ExportArtifact artifact : ExportArtifact.<ExportArtifact>list("exportId", export.id)) {
                store.remove(export.sandboxBucket, export.sandboxPrefix + artifact.name);
            }
            if (records.archive(export.id, now)) {
                archived++;
            }
        }
        if (archived > 0) {
            LOG.infof("archived %d exports whose release window ended", archived);
        }
        return archived;
    }
}
