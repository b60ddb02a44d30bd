package io.labgate.export;

import io.labgate.catalogue.api.DatasetRows;
import io.labgate.catalogue.api.ManifestEntry;
import io.labgate.catalogue.api.ManifestReader;
import io.labgate.export.api.ExportRefusal;
import io.labgate.export.inspect.ArtifactInspector;
import io.labgate.export.inspect.DatasetFingerprints;
import io.labgate.export.inspect.ExportRules;
import io.labgate.export.inspect.Finding;
import io.labgate.platform.storage.ObjectStore;
import io.labgate.platform.storage.ObjectSummary;
import io.labgate.platform.storage.StorageException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Takes an export's artifacts in: lists the sandbox prefix, copies each object into the archive bucket (what is
 * checked, reviewed and released is that copy, which the company cannot change), and runs the automatic checks on
 * the copies. A prefix over the policy's file count or bytes is refused from its listing, nothing copied.
 */
@ApplicationScoped
class SandboxIntake {

    /** One artifact as taken in; sha256 and archiveKey are null when it was refused from the listing. */
    record Artifact(String name, long size, String sha256, String archiveKey) {}

    record Taken(List<Artifact> artifacts, List<Finding> findings) {

        long totalBytes() {
            return artifacts.stream().mapToLong(Artifact::size).sum();
        }

        /** The first finding that refuses the export by itself, if any. */
        Finding refusing() {
            return findings.stream().filter(f -> f.kind().refuses()).findFirst().orElse(null);
        }
    }

    private static final int MANIFEST_PAGE = 1_000;

    @Inject
    ObjectStore store;

    @Inject
    ManifestReader manifests;

    @Inject
    DatasetRows rows;

    /** Takes in round {@code round} of the export: its copies go under that round's folder of the archive. */
    Taken take(ExportRequest export, int round, ExportRules rules) {
        List<ObjectSummary> objects = store.list(export.sandboxBucket, export.sandboxPrefix, rules.maxFiles() + 1);
        if (objects.isEmpty()) {
            throw new ExportRefusal(
                    ExportRefusal.Code.NOTHING_TO_EXPORT,
                    "there is no object under " + export.sandboxBucket + "/" + export.sandboxPrefix);
        }
        long listed = objects.stream().mapToLong(ObjectSummary::size).sum();
        if (objects.size() > rules.maxFiles() || listed > rules.maxTotalBytes()) {
            return new Taken(
                    objects.stream()
                            .map(o -> new Artifact(name(export, o), o.size(), null, null))
                            .toList(),
                    List.of(new Finding(
                            Finding.Kind.TOO_LARGE,
                            "(export)",
                            "more than the policy's " + rules.maxFiles() + " files or " + rules.maxTotalBytes()
                                    + " bytes under the prefix; nothing was copied",
                            1)));
        }
        ArtifactInspector inspector = new ArtifactInspector(rules, fingerprints(export.versionIds));
        List<Artifact> artifacts = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        for (ObjectSummary object : objects) {
            String name = name(export, object);
            String archiveKey = export.archiveKey(round, name);
            store.copy(export.sandboxBucket, object.key(), export.archiveBucket, archiveKey);
            try (InputStream in = store.open(export.archiveBucket, archiveKey)) {
                ArtifactInspector.Inspection inspection = inspector.inspect(name, in);
                artifacts.add(new Artifact(name, inspection.size(), inspection.sha256(), archiveKey));
                findings.addAll(inspection.findings());
            } catch (IOException e) {
                throw new StorageException("read the copy of " + name, e);
            }
        }
        findings.addAll(inspector.totals());
        return new Taken(List.copyOf(artifacts), List.copyOf(findings));
    }

    /** Every manifest object and sampled row of the versions the export derives from. */
    private DatasetFingerprints fingerprints(List<UUID> versionIds) {
        Set<String> objects = new HashSet<>();
        Set<String> sampledRows = new HashSet<>();
        for (UUID versionId : versionIds) {
            String after = "";
            List<ManifestEntry> page;
            do {
                page = manifests.page(versionId, "", after, MANIFEST_PAGE);
                page.forEach(entry -> objects.add(entry.sha256()));
                after = page.isEmpty() ? after : page.get(page.size() - 1).key();
            } while (page.size() == MANIFEST_PAGE);
            sampledRows.addAll(rows.sampledRowHashes(versionId));
        }
        return new DatasetFingerprints(objects, sampledRows);
    }

    private static String name(ExportRequest export, ObjectSummary object) {
        return object.key().substring(export.sandboxPrefix.length());
    }
}
