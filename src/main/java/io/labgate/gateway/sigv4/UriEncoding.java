package io.labgate.gateway.sigv4;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The URI encoding of AWS Signature Version 4: the unreserved characters {@code A-Z a-z 0-9 - _ . ~} stay as they
 * are, every other byte of the UTF-8 form becomes {@code %XX} with upper-case hex digits.
 *
 * <p>Canonicalization works on bytes: a raw request target is decoded to the bytes it stands for and encoded again,
 * so {@code %7e}, {@code ~} and {@code %7E} all canonicalize to {@code ~}, and a sequence that is not valid UTF-8
 * still canonicalizes to exactly the bytes the client sent.
 */
public final class UriEncoding {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private UriEncoding() {}

    /** Encodes every character but the unreserved ones; {@code '/'} becomes {@code %2F}. */
    public static String encode(String value) {
        return encode(value.getBytes(StandardCharsets.UTF_8), false);
    }

    /** Encodes like {@link #encode(String)}, but keeps {@code '/'}: the encoding of an S3 object path. */
    public static String encodePath(String path) {
        return encode(path.getBytes(StandardCharsets.UTF_8), true);
    }

    /**
     * The canonical form of a raw path as received: percent escapes decoded once, then every segment encoded once
     * ({@code '/'} kept, also where the client sent {@code %2F}). {@code '+'} is a literal plus in a path. S3 does
     * not normalize paths: {@code //}, {@code .} and {@code ..} segments stay as they are.
     *
     * @throws IllegalArgumentException if a {@code '%'} is not followed by two hex digits
     */
    public static String canonicalPath(String rawPath) {
        if (rawPath == null || rawPath.isEmpty()) {
            return "/";
        }
        return encode(decodeToBytes(rawPath, false), true);
    }

    /**
     * The canonical form of one raw query-string name or value: decoded once ({@code '+'} is a space, as in HTML
     * form encoding), then encoded once, {@code '/'} included.
     *
     * @throws IllegalArgumentException if a {@code '%'} is not followed by two hex digits
     */
    public static String canonicalQueryComponent(String raw) {
        return encode(decodeToBytes(raw, true), false);
    }

    /**
     * Decodes a raw path to the text it names, for the endpoint to act on (an object key, say).
     *
     * @throws IllegalArgumentException if an escape is malformed or the bytes are not valid UTF-8
     */
    public static String decodePath(String rawPath) {
        return utf8(decodeToBytes(rawPath, false));
    }

    /**
     * Decodes a raw query-string name or value ({@code '+'} is a space).
     *
     * @throws IllegalArgumentException if an escape is malformed or the bytes are not valid UTF-8
     */
    public static String decodeQueryComponent(String raw) {
        return utf8(decodeToBytes(raw, true));
    }

    private static String encode(byte[] bytes, boolean keepSlash) {
        StringBuilder out = new StringBuilder(bytes.length + 16);
        for (byte b : bytes) {
            int c = b & 0xFF;
            if (isUnreserved(c) || (keepSlash && c == '/')) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >>> 4]).append(HEX[c & 0x0F]);
            }
        }
        return out.toString();
    }

    private static boolean isUnreserved(int c) {
        return (c >= 'A' && c <= 'Z')
                || (c >= 'a' && c <= 'z')
                || (c >= '0' && c <= '9')
                || c == '-'
                || c == '_'
                || c == '.'
                || c == '~';
    }

    private static byte[] decodeToBytes(String raw, boolean plusIsSpace) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length());
        int i = 0;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    throw new IllegalArgumentException("incomplete percent escape at index " + i);
                }
                int hi = Hex.digit(raw.charAt(i + 1));
                int lo = Hex.digit(raw.charAt(i + 2));
                if (hi < 0 || lo < 0) {
                    throw new IllegalArgumentException("malformed percent escape at index " + i);
                }
                out.write((hi << 4) | lo);
                i += 3;
            } else if (c == '+' && plusIsSpace) {
                out.write(' ');
                i++;
            } else if (c < 0x80) {
                out.write(c);
                i++;
            } else {
                // a raw non-ASCII character (a lenient front end may pass one through): its UTF-8 bytes
                int end = Character.isHighSurrogate(c) && i + 1 < raw.length() ? i + 2 : i + 1;
                out.writeBytes(raw.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end;
            }
        }
        return out.toByteArray();
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("not valid UTF-8", e);
        }
    }
}
