package io.labgate.testing;

import java.io.InputStream;

/**
 * {@code size} pseudo-random bytes (xorshift), generated as they are read: large test objects are uploaded
 * without ever being held in memory, and the same seed gives the same bytes.
 */
public final class GeneratedBytes extends InputStream {

    private long remaining;
    private long state;

    public GeneratedBytes(long size, long seed) {
        this.remaining = size;
        this.state = seed;
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (remaining == 0) {
            return -1;
        }
        int n = (int) Math.min(len, remaining);
        for (int i = 0; i < n; i++) {
            state ^= state << 13;
            state ^= state >>> 7;
            state ^= state << 17;
            b[off + i] = (byte) state;
        }
        remaining -= n;
        return n;
    }
}
