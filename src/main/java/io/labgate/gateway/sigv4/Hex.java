package io.labgate.gateway.sigv4;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Lower-case hex and SHA-256, as SigV4 writes them. */
final class Hex {

    private static final char[] DIGITS = "0123456789abcdef".toCharArray();

    private Hex() {}

    static String lower(byte[] bytes) {
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = DIGITS[(bytes[i] >>> 4) & 0x0F];
            out[2 * i + 1] = DIGITS[bytes[i] & 0x0F];
        }
        return new String(out);
    }

    static String sha256(String text) {
        try {
            return lower(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** The value of an ASCII hex digit, or -1 (unlike {@link Character#digit}, no other Unicode digits). */
    static int digit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    /** Whether the text is exactly 64 lower- or upper-case hex digits (a SHA-256 in hex). */
    static boolean isSha256(String text) {
        if (text.length() != 64) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (digit(text.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }
}
