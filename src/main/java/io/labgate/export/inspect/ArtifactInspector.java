package io.labgate.export.inspect;

import io.labgate.platform.text.Utf8Text;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * The automatic checks of one export, artifact by artifact, each read once as a stream: its SHA-256 and size, its
 * type against the policy, and what is inside — a ZIP, tar or gzip is opened and each member checked the same way (to
 * {@link ExportRules#maxDepth()} levels), a text file is read line by line for copied dataset rows and personal
 * identifiers. An artifact or member whose SHA-256 is a dataset object's is refused whatever its name. Nothing is
 * held in memory but a line and a buffer; an inflating member stops at the policy's file size (a ZIP bomb is a file
 * too large, not an exhausted heap). One inspector per export: the file count and total size are the export's.
 */
public final class ArtifactInspector {

    /** What one artifact is and what was found in it (members included). */
    public record Inspection(String name, String sha256, long size, List<Finding> findings) {

        /** Whether a finding refuses the export by itself. */
        public boolean refused() {
            return findings.stream().anyMatch(f -> f.kind().refuses());
        }
    }

    private static final int HEAD = 8192;
    private static final int MAX_LINE = 64 * 1024;

    private final ExportRules rules;
    private final DatasetFingerprints data;
    private int files;
    private long totalBytes;

    public ArtifactInspector(ExportRules rules, DatasetFingerprints data) {
        this.rules = rules;
        this.data = data;
    }

    /** Checks one artifact of the export; {@code in} is read to its end, not closed. */
    public Inspection inspect(String name, InputStream in) throws IOException {
        List<Finding> findings = new ArrayList<>();
        Checked checked = file(name, in, 0, findings);
        totalBytes += checked.size();
        return new Inspection(name, checked.sha256(), checked.size(), List.copyOf(findings));
    }

    /** After the last artifact: the export's own limits. */
    public List<Finding> totals() {
        List<Finding> findings = new ArrayList<>();
        if (totalBytes > rules.maxTotalBytes()) {
            findings.add(new Finding(
                    Finding.Kind.TOO_LARGE,
                    "(export)",
                    totalBytes + " bytes in all, more than the " + rules.maxTotalBytes() + " the policy allows",
                    1));
        }
        if (files > rules.maxFiles()) {
            findings.add(new Finding(
                    Finding.Kind.TOO_LARGE,
                    "(export)",
                    files + " files (archive members included), more than the " + rules.maxFiles() + " allowed",
                    1));
        }
        return findings;
    }

    /** A file's hash and size; no hash when it was too large to read to its end. */
    private record Checked(String sha256, long size) {

        boolean complete() {
            return sha256 != null;
        }
    }

    private Checked file(String path, InputStream raw, int depth, List<Finding> findings) throws IOException {
        files++;
        if (!rules.allows(path)) {
            findings.add(new Finding(
                    Finding.Kind.TYPE_NOT_ALLOWED,
                    path,
                    "type '" + ExportRules.type(path) + "' is not among the policy's " + rules.allowedTypes(),
                    1));
        }
        MessageDigest sha256 = sha256();
        Bounded bounded = new Bounded(raw, rules.maxFileBytes());
        BufferedInputStream in = new BufferedInputStream(new DigestInputStream(bounded, sha256), HEAD);
        try {
            in.mark(HEAD);
            byte[] head = in.readNBytes(HEAD);
            in.reset();
            inside(path, in, head, depth, findings);
            in.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (Bounded.TooLarge e) {
            if (e.source != bounded) {
                // an enclosing archive ran over its own limit while this member was read
                throw e;
            }
            findings.add(new Finding(
                    Finding.Kind.TOO_LARGE,
                    path,
                    "larger than the " + rules.maxFileBytes() + " bytes a file may have",
                    1));
            return new Checked(null, bounded.count());
        }
        String hex = HexFormat.of().formatHex(sha256.digest());
        if (data.objectSha256().contains(hex)) {
            findings.add(
                    new Finding(Finding.Kind.DATASET_OBJECT, path, "is a dataset object (SHA-256 " + hex + ")", 1));
        }
        return new Checked(hex, bounded.count());
    }

    /** Opens what can be opened: archives member by member, text line by line; anything else is bytes. */
    private void inside(String path, InputStream in, byte[] head, int depth, List<Finding> findings)
            throws IOException {
        boolean zip = startsWith(head, 0x50, 0x4B, 0x03, 0x04);
        boolean gzip = startsWith(head, 0x1F, 0x8B);
        boolean tar = head.length >= 262 && new String(head, 257, 5, StandardCharsets.US_ASCII).equals("ustar");
        if ((zip || gzip || tar) && depth >= rules.maxDepth()) {
            findings.add(new Finding(
                    Finding.Kind.NOT_INSPECTABLE, path, "an archive nested deeper than " + rules.maxDepth(), 1));
            return;
        }
        try {
            if (zip) {
                ZipInputStream members = new ZipInputStream(unclosable(in));
                for (ZipEntry entry; (entry = members.getNextEntry()) != null; ) {
                    // past a member too large, the rest is not inflated: the export is refused already
                    if (!entry.isDirectory()
                            && !file(path + "!/" + entry.getName(), members, depth + 1, findings)
                                    .complete()) {
                        return;
                    }
                }
            } else if (tar) {
                TarArchiveInputStream members = new TarArchiveInputStream(unclosable(in));
                for (TarArchiveEntry entry; (entry = members.getNextEntry()) != null; ) {
                    if (entry.isFile()
                            && !file(path + "!/" + entry.getName(), members, depth + 1, findings)
                                    .complete()) {
                        return;
                    }
                }
            } else if (gzip) {
                String inner = path.endsWith(".tgz")
                        ? path.substring(0, path.length() - 4) + ".tar"
                        : path.endsWith(".gz") ? path.substring(0, path.length() - 3) : path + ".ungzipped";
                file(
                        path + "!/" + inner.substring(inner.lastIndexOf('/') + 1),
                        new GZIPInputStream(unclosable(in)),
                        depth + 1,
                        findings);
            } else if (Utf8Text.looksLikeText(head, head.length)) {
                text(path, in, findings);
            }
        } catch (Bounded.TooLarge e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            findings.add(new Finding(Finding.Kind.NOT_INSPECTABLE, path, "cannot be read: " + e.getMessage(), 1));
        }
    }

    private void text(String path, InputStream in, List<Finding> findings) throws IOException {
        long copiedRows = 0;
        Map<Finding.Kind, Long> personal = new EnumMap<>(Finding.Kind.class);
        BufferedReader lines = new BufferedReader(new InputStreamReader(unclosable(in), StandardCharsets.UTF_8));
        for (String line; (line = lines.readLine()) != null; ) {
            String scanned = line.length() > MAX_LINE ? line.substring(0, MAX_LINE) : line;
            String row = DatasetFingerprints.rowHash(scanned);
            if (row != null && data.rowSha256().contains(row)) {
                copiedRows++;
            }
            PersonalData.scan(scanned).forEach((kind, n) -> personal.merge(kind, (long) n, Long::sum));
        }
        if (copiedRows > 0) {
            findings.add(new Finding(
                    Finding.Kind.DATASET_ROWS, path, copiedRows + " line(s) equal to rows of the dataset", copiedRows));
        }
        personal.forEach((kind, n) -> findings.add(new Finding(kind, path, n + " found", n)));
    }

    /** The stream for a reader that closes what it reads: the caller still reads on after it. */
    private static InputStream unclosable(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public void close() {
                // the enclosing file is read to its end and closed by its owner
            }
        };
    }

    private static boolean startsWith(byte[] head, int... magic) {
        if (head.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((head[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Counts what is read and stops past a limit. */
    static final class Bounded extends FilterInputStream {

        /** Read past the limit. */
        static final class TooLarge extends IOException {
            private static final long serialVersionUID = 1L;

            /** The stream whose limit was passed. */
            final transient Bounded source;

            TooLarge(Bounded source) {
                super("over the size limit", null);
                this.source = source;
            }
        }

        private final long limit;
        private long count;

        Bounded(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        long count() {
            return count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        private void counted(long n) throws TooLarge {
            count += n;
            if (count > limit) {
                throw new TooLarge(this);
            }
        }
    }
}
