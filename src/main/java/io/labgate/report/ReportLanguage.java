package io.labgate.report;

import io.labgate.platform.error.ApiException;
import java.util.Locale;

/** The language of a report's labels ({@code lang=ko|en}); Korean by default, as the agency and operators read it. */
public enum ReportLanguage {
    KO(Locale.KOREAN),
    EN(Locale.ENGLISH);

    private final Locale locale;

    ReportLanguage(Locale locale) {
        this.locale = locale;
    }

    public Locale locale() {
        return locale;
    }

    /** The parameter's code, as in {@code lang=ko}. */
    public String code() {
        return locale.getLanguage();
    }

    /**
     * Reads the {@code lang} query parameter: absent or blank is Korean.
     *
     * @throws ApiException 400 for anything but {@code ko} or {@code en}
     */
    public static ReportLanguage parse(String lang) {
        if (lang == null || lang.isBlank()) {
            return KO;
        }
        String wanted = lang.strip().toLowerCase(Locale.ROOT);
        for (ReportLanguage language : values()) {
            if (language.code().equals(wanted)) {
                return language;
            }
        }
        throw ApiException.invalid("lang", "must be ko or en");
    }
}
