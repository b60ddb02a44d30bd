package io.labgate.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;

/**
 * The report's labels in one language: titles of sections, columns and summary figures by their ids and keys,
 * and the fixed phrases of the documents (cover, footers, charts). Korean titles live in
 * {@code report-labels-ko.properties}; English ones are the titles the sections give in code, so English falls
 * back to them, and so does Korean for anything not translated yet.
 *
 * <p>A column is looked up as {@code column.<section>.<key>}, then {@code column.<key>} (keys shared by sections,
 * e.g. {@code groupName}); a figure as {@code figure.<section>.<key>}, then as the column of the same key (most
 * figures are a total of their column).
 */
public final class ReportLabels {

    private static final Map<ReportLanguage, ReportLabels> LOADED = new EnumMap<>(ReportLanguage.class);

    private final ReportLanguage language;
    private final Properties labels;
    private final ReportUnits units;

    private ReportLabels(ReportLanguage language, Properties labels) {
        this.language = language;
        this.labels = labels;
        this.units = new ReportUnits(language);
    }

    public static synchronized ReportLabels of(ReportLanguage language) {
        return LOADED.computeIfAbsent(language, l -> new ReportLabels(l, load(l)));
    }

    public ReportLanguage language() {
        return language;
    }

    /** Formats figures and cells in human units in this language. */
    public ReportUnits units() {
        return units;
    }

    public String section(String id, String fallback) {
        return labels.getProperty("section." + id, fallback);
    }

    public String column(String sectionId, String key, String fallback) {
        String label = labels.getProperty("column." + sectionId + "." + key);
        return label != null ? label : labels.getProperty("column." + key, fallback);
    }

    public String figure(String sectionId, String key, String fallback) {
        String label = labels.getProperty("figure." + sectionId + "." + key);
        return label != null ? label : column(sectionId, key, fallback);
    }

    /** True when this language has its own title for the section, column or figure (not the fallback). */
    public boolean hasFigure(String sectionId, String key) {
        return figure(sectionId, key, null) != null;
    }

    public boolean hasColumn(String sectionId, String key) {
        return column(sectionId, key, null) != null;
    }

    public boolean hasSection(String id) {
        return section(id, null) != null;
    }

    /** A fixed phrase, {@code {0}}-style arguments filled in; the key itself when missing (visible, not fatal). */
    public String text(String key, Object... arguments) {
        String pattern = labels.getProperty("text." + key, key);
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, language.locale()).format(arguments);
    }

    private static Properties load(ReportLanguage language) {
        String name = "report-labels-" + language.code() + ".properties";
        Properties properties = new Properties();
        try (InputStream in = ReportLabels.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
