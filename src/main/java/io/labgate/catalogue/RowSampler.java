package io.labgate.catalogue;

import io.labgate.catalogue.api.DatasetRows;
import io.labgate.platform.text.Utf8Text;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Samples rows of one object while the manifest builder streams it through SHA-256: if its first block is text,
 * up to {@value #PER_OBJECT} of its lines after the first (a CSV's header is in every result table too) are kept
 * by reservoir sampling, seeded by the key so that building again samples the same rows. Only their hashes leave.
 */
final class RowSampler {

    static final int PER_OBJECT = 256;
    private static final int MAX_LINE = 64 * 1024;

    private final Random random;
    private final List<String> reservoir = new ArrayList<>();
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private Boolean text;
    private boolean lineTooLong;
    private long lines;

    RowSampler(String key) {
        this.random = new Random(key.hashCode());
    }

    void accept(byte[] buffer, int length) {
        if (text == null) {
            text = Utf8Text.looksLikeText(buffer, length);
        }
        if (!text) {
            return;
        }
        for (int i = 0; i < length; i++) {
            byte b = buffer[i];
            if (b == '\n') {
                endLine();
            } else if (line.size() < MAX_LINE) {
                line.write(b);
            } else {
                lineTooLong = true;
            }
        }
    }

    /** The sampled rows' hashes, once the whole object was read. */
    Set<String> hashes() {
        if (Boolean.TRUE.equals(text) && line.size() > 0) {
            endLine();
        }
        Set<String> hashes = new LinkedHashSet<>();
        for (String row : reservoir) {
            String hash = DatasetRows.hash(row);
            if (hash != null) {
                hashes.add(hash);
            }
        }
        return hashes;
    }

    private void endLine() {
        String row = line.toString(StandardCharsets.UTF_8);
        boolean keep = lines++ > 0 && !lineTooLong && !row.isBlank();
        line.reset();
        lineTooLong = false;
        if (!keep) {
            return;
        }
        long seen = lines - 1;
        if (reservoir.size() < PER_OBJECT) {
            reservoir.add(row);
        } else {
            long slot = (long) (random.nextDouble() * seen);
            if (slot < PER_OBJECT) {
                reservoir.set((int) slot, row);
            }
        }
    }
}
