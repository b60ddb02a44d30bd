package io.labgate.export;

import io.labgate.export.inspect.ExportRules;
import io.labgate.policy.api.ExportTerms;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The terms an export is judged by when it derives from grants under several policies: every policy must be
 * satisfied, so the most approvals, the fewest files, bytes and hours, and only the file types all of them allow.
 */
final class StrictestTerms {

    /** Archives are opened this deep; a deeper one cannot be cleared. */
    static final int ARCHIVE_DEPTH = 3;

    private StrictestTerms() {}

    static ExportTerms of(List<ExportTerms> terms) {
        Set<String> types = new HashSet<>(terms.get(0).fileTypes());
        terms.forEach(t -> types.retainAll(t.fileTypes()));
        return new ExportTerms(
                terms.stream().mapToInt(ExportTerms::approvals).max().orElseThrow(),
                terms.stream().mapToInt(ExportTerms::maxFiles).min().orElseThrow(),
                terms.stream().mapToLong(ExportTerms::maxBytes).min().orElseThrow(),
                types.stream().sorted().toList(),
                terms.stream().mapToInt(ExportTerms::releaseHours).min().orElseThrow(),
                terms.stream().mapToInt(ExportTerms::attestationDays).min().orElseThrow());
    }

    /** The automatic checks' rules under these terms: a single file may be as large as the whole export. */
    static ExportRules rules(ExportTerms terms) {
        return new ExportRules(
                Set.copyOf(terms.fileTypes()), terms.maxBytes(), terms.maxBytes(), terms.maxFiles(), ARCHIVE_DEPTH);
    }
}
