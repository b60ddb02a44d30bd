package io.labgate.delivery.api;

import java.util.Optional;

/**
 * The one byte range of an HTTP {@code Range} header (RFC 9110 §14.1.2): {@code bytes=first-last},
 * {@code bytes=first-} (to the end) or {@code bytes=-suffix} (the last bytes). Pure; no I/O.
 *
 * <p>As RFC 9110 allows, a header LabGate does not serve as a range is ignored and the whole object is sent:
 * no header, another unit, syntax errors, {@code last < first}, and several ranges ({@code bytes=0-1,4-5}; S3 does
 * not serve multipart ranges either). A well-formed range that lies outside the object is
 * {@linkplain #resolve unsatisfiable} (416).
 */
public final class ByteRange {

    /** No range: the whole object. */
    public static final ByteRange WHOLE = new ByteRange(-1, -1, -1, null);

    private static final int MAX_DIGITS = 18;

    private final long first;
    private final long last;
    private final long suffix;
    private final String text;

    private ByteRange(long first, long last, long suffix, String text) {
        this.first = first;
        this.last = last;
        this.suffix = suffix;
        this.text = text;
    }

    /** The range of a {@code Range} header; {@link #WHOLE} when there is none or it is to be ignored. */
    public static ByteRange parse(String header) {
        if (header == null) {
            return WHOLE;
        }
        String value = header.trim();
        if (!value.regionMatches(true, 0, "bytes=", 0, 6)) {
            return WHOLE;
        }
        String spec = value.substring(6).trim();
        if (spec.indexOf(',') >= 0) {
            return WHOLE;
        }
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return WHOLE;
        }
        String a = spec.substring(0, dash).trim();
        String b = spec.substring(dash + 1).trim();
        if (a.isEmpty()) {
            return number(b).map(n -> new ByteRange(-1, -1, n, "bytes=-" + n)).orElse(WHOLE);
        }
        Optional<Long> firstByte = number(a);
        if (firstByte.isEmpty()) {
            return WHOLE;
        }
        if (b.isEmpty()) {
            return new ByteRange(firstByte.get(), -1, -1, "bytes=" + firstByte.get() + "-");
        }
        Optional<Long> lastByte = number(b);
        if (lastByte.isEmpty() || lastByte.get() < firstByte.get()) {
            return WHOLE;
        }
        return new ByteRange(firstByte.get(), lastByte.get(), -1, "bytes=" + firstByte.get() + "-" + lastByte.get());
    }

    /** An explicit range {@code first-last} (inclusive), for callers that do not start from a header. */
    public static ByteRange of(long first, long last) {
        if (first < 0 || last < first) {
            throw new IllegalArgumentException("not a range: " + first + "-" + last);
        }
        return new ByteRange(first, last, -1, "bytes=" + first + "-" + last);
    }

    public boolean isWhole() {
        return this == WHOLE;
    }

    /**
     * The bytes of an object of this size that the range selects, or empty when it is unsatisfiable: the first byte
     * lies at or past the end, or a suffix of 0 bytes, or any range of an empty object. A last byte past the end
     * is cut to the end; a suffix longer than the object selects all of it.
     */
    public Optional<Slice> resolve(long size) {
        if (isWhole()) {
            return Optional.of(new Slice(0, size, size, false));
        }
        if (suffix >= 0) {
            if (suffix == 0 || size == 0) {
                return Optional.empty();
            }
            long length = Math.min(suffix, size);
            return Optional.of(new Slice(size - length, length, size, true));
        }
        if (first >= size) {
            return Optional.empty();
        }
        long end = last < 0 ? size - 1 : Math.min(last, size - 1);
        return Optional.of(new Slice(first, end - first + 1, size, true));
    }

    @Override
    public String toString() {
        return isWhole() ? "whole" : text;
    }

    private static Optional<Long> number(String digits) {
        if (digits.isEmpty() || digits.length() > MAX_DIGITS) {
            return Optional.empty();
        }
        for (int i = 0; i < digits.length(); i++) {
            if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
                return Optional.empty();
            }
        }
        return Optional.of(Long.parseLong(digits));
    }

    /**
     * The bytes to send: {@code length} bytes from {@code offset} of an object of {@code size} bytes.
     *
     * @param partial whether this is a range (206 with {@code Content-Range}) rather than the whole object (200)
     */
    public record Slice(long offset, long length, long size, boolean partial) {

        /** The last byte sent (inclusive); -1 for an empty object. */
        public long last() {
            return offset + length - 1;
        }

        /** The {@code Content-Range} value of a partial answer. */
        public String contentRange() {
            return "bytes " + offset + "-" + last() + "/" + size;
        }
    }
}
