package io.labgate.usage;

import java.time.Instant;
import java.util.UUID;

/**
 * The result of walking the chain over a period.
 *
 * @param checked events walked
 * @param firstSeq seq of the first event walked (null when the period has none)
 * @param lastSeq seq of the last event walked
 * @param lastHash stored hash of the last event walked: recorded outside the database with lastSeq (the chain's
 *     head), it lets a later verification prove that nobody rewrote the chain up to there
 * @param valid true when every walked event's hash is what its fields and its predecessor's hash make it
 * @param breaks how many events broke the chain (after a break the walk continues from the stored hash)
 * @param firstBreak the first event that broke the chain, or null
 */
public record ChainVerification(
        Instant from,
        Instant to,
        long checked,
        Long firstSeq,
        Long lastSeq,
        String lastHash,
        boolean valid,
        long breaks,
        ChainBreak firstBreak) {

    /**
     * Where the chain breaks. {@code expectedHash} is the hash the event's stored fields make after the previous
     * event's stored hash (or, for the first event walked, after its own stored prev_hash); {@code storedHash} is
     * the hash stored with it.
     *
     * @param reason HASH_MISMATCH (the event's fields or hash were changed), PREV_HASH_MISMATCH (its prev_hash is
     *     not the previous event's hash) or SEQ_GAP (events before it are missing)
     */
    public record ChainBreak(long seq, UUID id, String expectedHash, String storedHash, String reason) {}
}
