package io.labgate.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import io.labgate.catalogue.api.DatasetRows;
import io.labgate.testing.ApprovedGrants;
import io.labgate.testing.DemoOrganizations;
import io.labgate.testing.PublishedDatasets;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Rows are sampled from a version's text objects while its manifest is built (issue 14: the export review looks for
 * them in what a company takes out): hashes only, a few hundred per object, never the header, nothing from binary
 * objects, the same sample when built again. Real store, real database.
 */
@QuarkusTest
class RowSampleTest {

    @Inject
    DemoOrganizations demo;

    @Inject
    DatasetRows rows;

    @Test
    void aTextObjectsRowsAreSampledAsHashesAndBinaryObjectsGiveNone() {
        ApprovedGrants.organizations(demo);
        StringBuilder csv = new StringBuilder("plot,crop,disease,severity\r\n");
        Set<String> rowHashes = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            String row = "P-" + i + ",pepper,anthracnose," + (i % 5);
            csv.append(row).append("\r\n");
            rowHashes.add(DatasetRows.hash(row));
        }
        byte[] binary = new byte[50_000];
        new Random(7).nextBytes(binary);
        Map<String, byte[]> objects = new LinkedHashMap<>();
        objects.put("d/plots.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
        objects.put("d/images.bin", binary);
        objects.put("d/short.txt", "only a header\nand one row\n".getBytes(StandardCharsets.UTF_8));

        String policy = PublishedDatasets.policy(ApprovedGrants.allModes());
        String dataset = PublishedDatasets.dataset(policy, List.of(DemoOrganizations.JEJU), List.of());
        String version = PublishedDatasets.publishedVersion(dataset, objects);

        Set<String> sampled = rows.sampledRowHashes(UUID.fromString(version));
        assertThat(sampled).hasSize(RowSampler.PER_OBJECT + 1);
        assertThat(sampled).doesNotContain(DatasetRows.hash("plot,crop,disease,severity"));
        assertThat(sampled).doesNotContain(DatasetRows.hash("only a header"));
        assertThat(sampled).contains(DatasetRows.hash("and one row"));
        Set<String> fromCsv = new HashSet<>(sampled);
        fromCsv.remove(DatasetRows.hash("and one row"));
        assertThat(rowHashes).containsAll(fromCsv);
    }

    @Test
    void theSampleIsTheSameWhenTheObjectIsSampledAgain() {
        StringBuilder text = new StringBuilder("header\n");
        for (int i = 0; i < 5_000; i++) {
            text.append("row ").append(i).append('\n');
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        assertThat(sample("d/a.txt", bytes, 4096)).isEqualTo(sample("d/a.txt", bytes, 777));
        assertThat(sample("d/a.txt", bytes, 4096)).hasSize(RowSampler.PER_OBJECT);
    }

    /** Fed in blocks of {@code block} bytes, as the manifest builder reads the store: lines span blocks. */
    private static Set<String> sample(String key, byte[] bytes, int block) {
        RowSampler sampler = new RowSampler(key);
        for (int off = 0; off < bytes.length; off += block) {
            int n = Math.min(block, bytes.length - off);
            byte[] chunk = java.util.Arrays.copyOfRange(bytes, off, off + n);
            sampler.accept(chunk, n);
        }
        return sampler.hashes();
    }
}
