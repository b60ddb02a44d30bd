package io.labgate.delivery.api;

import io.labgate.usage.api.OpenTransfer;
import io.labgate.usage.api.UsageOutcome;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One prepared download: the object is open in the store, a download slot of the organization is taken, its
 * bytes are reserved on the grant's quota and its TRANSFER_STARTED event is committed.
 * {@link #writeTo} copies the bytes without holding more than one buffer, counts what was written, checks the
 * grant again every {@link DeliveryConfig#recheckEvery()} and, however it ends, records the completion with the
 * bytes written and gives back the rest of the reservation. {@link #close} releases what is left (also when nothing was written).
 */
public final class Transfer implements AutoCloseable {

    static final int BUFFER = 64 * 1024;

    private final ObjectDelivery delivery;
    private final GrantedVersion grant;
    private final ManifestObject object;
    private final ByteRange.Slice slice;
    private final AccessContext ctx;
    private final InputStream in;
    private final OpenTransfer started;
    /** 0 prepared, 1 written (or being written), 2 abandoned; one of writeTo and close wins. */
    private final AtomicInteger state = new AtomicInteger();

    Transfer(
            ObjectDelivery delivery,
            GrantedVersion grant,
            ManifestObject object,
            ByteRange.Slice slice,
            AccessContext ctx,
            InputStream in,
            OpenTransfer started) {
        this.delivery = delivery;
        this.grant = grant;
        this.object = object;
        this.slice = slice;
        this.ctx = ctx;
        this.in = in;
        this.started = started;
    }

    /** What is sent: offset, length, whether partial, the Content-Range. */
    public ByteRange.Slice slice() {
        return slice;
    }

    public ManifestObject object() {
        return object;
    }

    /**
     * Copies the selected bytes to {@code out}. A client that goes away, a store that fails or a grant that ends
     * meanwhile stop the copy; the bytes written until then are counted all the same.
     *
     * @throws ClientGone when the client went away (nothing to answer; not an error of LabGate)
     * @throws IOException when reading from the store failed
     * @throws DeliveryRefused GRANT_NOT_USABLE when the grant was revoked or ended during the transfer
     */
    public void writeTo(OutputStream out) throws IOException {
        if (!state.compareAndSet(0, 1)) {
            throw new ClientGone(new IOException("the transfer was abandoned or written already"));
        }
        long written = 0;
        UsageOutcome outcome = UsageOutcome.FAILED;
        String reason = null;
        long recheckNanos = delivery.recheckEvery().toNanos();
        long lastCheck = System.nanoTime();
        byte[] buffer = new byte[BUFFER];
        try {
            long remaining = slice.length();
            while (remaining > 0) {
                int n;
                try {
                    n = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
                } catch (IOException e) {
                    reason = "STORE_FAILED";
                    throw e;
                }
                if (n < 0) {
                    reason = "STORE_SHORT_READ";
                    throw new IOException("the store ended " + object.key() + " after " + written + " bytes");
                }
                if (System.nanoTime() - lastCheck > recheckNanos) {
                    try {
                        delivery.recheck(grant, object.key());
                    } catch (DeliveryRefused e) {
                        outcome = UsageOutcome.REFUSED;
                        reason = e.reason().name();
                        throw e;
                    }
                    lastCheck = System.nanoTime();
                }
                try {
                    out.write(buffer, 0, n);
                } catch (IOException e) {
                    reason = "CLIENT_ABORTED";
                    throw new ClientGone(e);
                }
                written += n;
                remaining -= n;
            }
            try {
                out.flush();
            } catch (IOException e) {
                reason = "CLIENT_ABORTED";
                throw new ClientGone(e);
            }
            outcome = UsageOutcome.SUCCESS;
        } catch (RuntimeException | Error e) {
            if (reason == null) {
                reason = "INTERNAL";
            }
            throw e;
        } finally {
            closeQuietly();
            delivery.finish(grant, object, slice, ctx, started, written, outcome, reason);
        }
    }

    /**
     * Releases the object, the reservation and the slot if {@link #writeTo} never started; the transfer's start is
     * completed with no bytes sent. Safe to call at any time, from any thread, more than once. Blocks (JDBC).
     */
    @Override
    public void close() {
        if (state.compareAndSet(0, 2)) {
            closeQuietly();
            delivery.abandon(grant, object, slice, ctx, started);
        }
    }

    /** True while neither written nor abandoned. */
    public boolean pending() {
        return state.get() == 0;
    }

    /** The client closed the connection during the transfer; the bytes written until then were counted. */
    public static final class ClientGone extends IOException {

        public ClientGone(IOException cause) {
            super("the client went away", cause);
        }
    }

    private void closeQuietly() {
        try {
            in.close();
        } catch (IOException ignored) {
            // closing a half-read store stream; nothing to report
        }
    }
}
