package io.labgate.platform.text;

/** Small rules for the free text of requests, the same in every feature. */
public final class Texts {

    private Texts() {}

    /** An optional text as stored: null when absent or blank, otherwise without surrounding white space. */
    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
