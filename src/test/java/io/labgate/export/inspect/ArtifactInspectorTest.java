package io.labgate.export.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;

/**
 * The automatic checks of an export (issue 14) on real files built in the test: a dataset object renamed, inside a
 * ZIP and inside a tar.gz inside a ZIP; a CSV with a copied dataset row; Korean personal identifiers; a type the
 * policy does not allow; a ZIP bomb; archives nested too deep; a clean export.
 */
class ArtifactInspectorTest {

    private static final byte[] DATASET_OBJECT = random(1, 200_000);
    private static final String DATASET_CSV =
            "plot,crop,disease\r\nP-001,pepper,anthracnose\r\nP-002,tomato,blight\r\n";
    private static final DatasetFingerprints DATA = new DatasetFingerprints(
            Set.of(sha256(DATASET_OBJECT), sha256(DATASET_CSV.getBytes(StandardCharsets.UTF_8))),
            Set.of(
                    DatasetFingerprints.rowHash("P-001,pepper,anthracnose"),
                    DatasetFingerprints.rowHash("P-002,tomato,blight")));

    private static ArtifactInspector inspector() {
        return new ArtifactInspector(ExportRules.defaults(), DATA);
    }

    @Test
    void aDatasetObjectUnderAnotherNameIsRefused() throws IOException {
        ArtifactInspector.Inspection inspection = inspector().inspect("model/weights.bin", in(DATASET_OBJECT));
        assertThat(inspection.refused()).isTrue();
        assertThat(inspection.findings())
                .extracting(Finding::kind, Finding::path)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Finding.Kind.DATASET_OBJECT, "model/weights.bin"));
        assertThat(inspection.sha256()).isEqualTo(sha256(DATASET_OBJECT));
        assertThat(inspection.size()).isEqualTo(DATASET_OBJECT.length);
    }

    @Test
    void aDatasetObjectInsideAZipOrATarGzInsideAZipIsRefused() throws IOException {
        byte[] zip = zip(Map.of(
                "results/checkpoint.safetensors",
                DATASET_OBJECT,
                "metrics.json",
                "{}".getBytes(StandardCharsets.UTF_8)));
        ArtifactInspector.Inspection inspection = inspector().inspect("results.zip", in(zip));
        assertThat(inspection.refused()).isTrue();
        assertThat(inspection.findings())
                .extracting(Finding::path)
                .containsExactly("results.zip!/results/checkpoint.safetensors");

        byte[] nested = zip(Map.of("inner.tar.gz", gzip(tar(Map.of("data/x.bin", DATASET_OBJECT)))));
        ArtifactInspector.Inspection deep = inspector().inspect("bundle.zip", in(nested));
        assertThat(deep.findings())
                .extracting(Finding::kind, Finding::path)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        Finding.Kind.DATASET_OBJECT, "bundle.zip!/inner.tar.gz!/inner.tar!/data/x.bin"));
    }

    @Test
    void aCsvWithACopiedDatasetRowIsFlaggedForTheReviewers() throws IOException {
        String results = "plot,predicted\nP-009,healthy\n  P-002,tomato,blight  \n";
        ArtifactInspector.Inspection inspection =
                inspector().inspect("predictions.csv", in(results.getBytes(StandardCharsets.UTF_8)));
        assertThat(inspection.refused())
                .as("flagged, not refused: a person decides")
                .isFalse();
        assertThat(inspection.findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(Finding.Kind.DATASET_ROWS);
            assertThat(f.count()).isEqualTo(1);
        });
        // the dataset's own CSV under another name: an object, refused
        assertThat(inspector()
                        .inspect("copy.csv", in(DATASET_CSV.getBytes(StandardCharsets.UTF_8)))
                        .refused())
                .isTrue();
    }

    @Test
    void koreanPersonalIdentifiersAreCounted() throws IOException {
        String rrn = withCheckDigit("900101-123456");
        String text = "name,rrn,phone,mail\n김철수," + rrn + ",010-1234-5678,cs.kim@example.co.kr\n"
                + "이영희,900101-1234560,02-345-6789,none\n";
        ArtifactInspector.Inspection inspection =
                inspector().inspect("errors.txt", in(text.getBytes(StandardCharsets.UTF_8)));
        assertThat(inspection.findings())
                .extracting(Finding::kind, Finding::count)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(Finding.Kind.RESIDENT_REGISTRATION_NUMBER, 1L),
                        org.assertj.core.groups.Tuple.tuple(Finding.Kind.PHONE_NUMBER, 2L),
                        org.assertj.core.groups.Tuple.tuple(Finding.Kind.EMAIL_ADDRESS, 1L));
    }

    @Test
    void theCheckDigitDecidesWhatIsARegistrationNumber() {
        String valid = withCheckDigit("850315-234567");
        assertThat(PersonalData.scan(valid)).containsEntry(Finding.Kind.RESIDENT_REGISTRATION_NUMBER, 1);
        char last = valid.charAt(valid.length() - 1);
        String wrong = valid.substring(0, valid.length() - 1) + (char) ('0' + (last - '0' + 1) % 10);
        assertThat(PersonalData.scan(wrong)).doesNotContainKey(Finding.Kind.RESIDENT_REGISTRATION_NUMBER);
        // no month 13, no gender digit 9
        assertThat(PersonalData.scan(withCheckDigit("851315-234567"))).isEmpty();
        assertThat(PersonalData.scan(withCheckDigit("850315-934567")))
                .doesNotContainKey(Finding.Kind.RESIDENT_REGISTRATION_NUMBER);
    }

    @Test
    void aTypeThePolicyDoesNotAllowIsRefusedAlsoInsideAnArchive() throws IOException {
        assertThat(inspector().inspect("run.exe", in(random(2, 100))).findings())
                .extracting(Finding::kind)
                .containsExactly(Finding.Kind.TYPE_NOT_ALLOWED);
        ArtifactInspector.Inspection zipped =
                inspector().inspect("tools.zip", in(zip(Map.of("bin/run.exe", random(3, 100)))));
        assertThat(zipped.refused()).isTrue();
        assertThat(zipped.findings()).extracting(Finding::path).containsExactly("tools.zip!/bin/run.exe");
    }

    @Test
    void aZipBombIsAFileTooLargeNotAnExhaustedHeap() throws IOException {
        ExportRules rules = new ExportRules(ExportRules.defaults().allowedTypes(), 1 << 20, 1L << 30, 100, 3);
        byte[] bomb = zip(Map.of("zeros.bin", new byte[64 << 20]));
        assertThat(bomb.length).isLessThan(1 << 20);
        ArtifactInspector.Inspection inspection = new ArtifactInspector(rules, DATA).inspect("small.zip", in(bomb));
        assertThat(inspection.refused()).isTrue();
        assertThat(inspection.findings())
                .extracting(Finding::kind, Finding::path)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Finding.Kind.TOO_LARGE, "small.zip!/zeros.bin"));
    }

    @Test
    void archivesNestedDeeperThanThePolicyOpensCannotBeCleared() throws IOException {
        byte[] deep = zip(Map.of(
                "a.zip",
                zip(Map.of(
                        "b.zip", zip(Map.of("c.zip", zip(Map.of("d.txt", "x".getBytes(StandardCharsets.UTF_8)))))))));
        ArtifactInspector.Inspection inspection = inspector().inspect("deep.zip", in(deep));
        assertThat(inspection.refused()).isTrue();
        assertThat(inspection.findings()).extracting(Finding::kind).containsExactly(Finding.Kind.NOT_INSPECTABLE);
    }

    @Test
    void aCleanExportHasNoFindingButTheExportsLimitsStillCount() throws IOException {
        ExportRules rules = new ExportRules(ExportRules.defaults().allowedTypes(), 1 << 20, 150_000, 3, 3);
        ArtifactInspector inspector = new ArtifactInspector(rules, DATA);
        assertThat(inspector
                        .inspect("model.safetensors", in(random(4, 100_000)))
                        .findings())
                .isEmpty();
        assertThat(inspector
                        .inspect("metrics.json", in("{\"f1\":0.91}".getBytes(StandardCharsets.UTF_8)))
                        .findings())
                .isEmpty();
        assertThat(inspector.totals()).isEmpty();
        inspector.inspect(
                "more.zip",
                in(zip(Map.of("a.csv", "x\n".getBytes(StandardCharsets.UTF_8), "b.bin", random(5, 60_000)))));
        assertThat(inspector.totals())
                .extracting(Finding::kind)
                .containsExactly(Finding.Kind.TOO_LARGE, Finding.Kind.TOO_LARGE);
    }

    // --- files -------------------------------------------------------------------------------------------------

    /** The 13-digit number with the check digit the formula gives, in the {@code YYMMDD-GNNNNNC} form. */
    static String withCheckDigit(String twelveWithDash) {
        String digits = twelveWithDash.replace("-", "");
        int[] weights = {2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5};
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += weights[i] * (digits.charAt(i) - '0');
        }
        return twelveWithDash + (11 - sum % 11) % 10;
    }

    private static ByteArrayInputStream in(byte[] bytes) {
        return new ByteArrayInputStream(bytes);
    }

    private static byte[] random(long seed, int size) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static byte[] zip(Map<String, byte[]> files) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> file : new java.util.TreeMap<>(files).entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static byte[] tar(Map<String, byte[]> files) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                TarArchiveEntry entry = new TarArchiveEntry(file.getKey());
                entry.setSize(file.getValue().length);
                tar.putArchiveEntry(entry);
                tar.write(file.getValue());
                tar.closeArchiveEntry();
            }
        }
        return out.toByteArray();
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        }
        return out.toByteArray();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
