package io.labgate.usage.checkpoint;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.labgate.usage.EventDigest;
import io.labgate.usage.api.LoggedEvent;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Proves exported usage events intact against signed checkpoints, trusting nothing but the checkpoints' public key:
 * not the database, not LabGate. Each event's hash is recomputed from its fields and its predecessor's hash (the
 * chain); each checkpoint's signature is checked, and the event it names must carry the hash it signed. A superuser
 * who rewrote an event and recomputed every later hash keeps the chain consistent, but the first checkpoint at or
 * after the rewritten event no longer agrees: the change lies after the last checkpoint that agrees and at or
 * before that one (sign often, and it is pinned to one event).
 *
 * <p>As a command of the packaged jar (no database, no LabGate running):
 * {@code java -jar quarkus-run.jar verify-log --public-key <base64 or file> --checkpoints <file> <events file>...}
 * where the files are pages of {@code GET /api/v1/usage/events} and {@code GET /api/v1/usage/checkpoints} (or JSON
 * arrays of their items). Exit status 0: intact; 1: broken (the first disagreeing event is printed); 2: bad usage.
 */
public final class OfflineVerifier {

    /** What the verifier found. {@code firstBad} is null when intact. */
    public record Result(long events, long checkpoints, Long firstSeq, Long lastSeq, Long firstBad, String reason) {

        public boolean intact() {
            return firstBad == null;
        }
    }

    private OfflineVerifier() {}

    /** Verifies the events (any order; one contiguous range) against the checkpoints signed by {@code key}. */
    public static Result verify(List<LoggedEvent> exported, List<Checkpoint> checkpoints, PublicKey key) {
        List<LoggedEvent> events = new ArrayList<>(exported);
        events.sort(Comparator.comparingLong(LoggedEvent::seq));
        Long first = events.isEmpty() ? null : events.get(0).seq();
        Long last = events.isEmpty() ? null : events.get(events.size() - 1).seq();
        // every checkpoint must be genuine, whatever it covers
        for (Checkpoint checkpoint : checkpoints) {
            if (!checkpoint.signedBy(key)) {
                return new Result(
                        events.size(),
                        checkpoints.size(),
                        first,
                        last,
                        checkpoint.seq(),
                        "the checkpoint of seq " + checkpoint.seq() + " is not signed by this key");
            }
        }
        Map<Long, String> signed = new HashMap<>();
        checkpoints.forEach(c -> signed.put(c.seq(), c.hash()));
        LoggedEvent previous = null;
        long lastAgreeing = first == null ? 0 : first - 1;
        for (LoggedEvent event : events) {
            String linkedTo =
                    previous != null ? previous.hash() : event.seq() == 1 ? EventDigest.GENESIS : event.prevHash();
            if (previous != null && event.seq() != previous.seq() + 1) {
                return broken(events, checkpoints, first, last, previous.seq() + 1, "event missing (seq gap)");
            }
            if (!linkedTo.equals(event.prevHash())
                    || !EventDigest.hash(linkedTo, event).equals(event.hash())) {
                return broken(events, checkpoints, first, last, event.seq(), "its hash does not match its content");
            }
            String signedHash = signed.get(event.seq());
            if (signedHash != null) {
                if (!signedHash.equals(event.hash())) {
                    return broken(
                            events,
                            checkpoints,
                            first,
                            last,
                            lastAgreeing + 1,
                            "the chain disagrees with the checkpoint of seq " + event.seq() + ": an event after seq "
                                    + lastAgreeing + " and up to " + event.seq() + " was changed");
                }
                lastAgreeing = event.seq();
            }
            previous = event;
        }
        return new Result(events.size(), checkpoints.size(), first, last, null, null);
    }

    private static Result broken(
            List<LoggedEvent> events, List<Checkpoint> checkpoints, Long first, Long last, long seq, String why) {
        return new Result(events.size(), checkpoints.size(), first, last, seq, why);
    }

    /** The command: prints what it found and answers the exit status. */
    public static int run(String[] args, PrintStream out) {
        String publicKey = null;
        Path checkpointFile = null;
        List<Path> eventFiles = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--public-key" -> publicKey = i + 1 < args.length ? args[++i] : null;
                case "--checkpoints" -> checkpointFile = i + 1 < args.length ? Path.of(args[++i]) : null;
                default -> eventFiles.add(Path.of(args[i]));
            }
        }
        if (publicKey == null || checkpointFile == null || eventFiles.isEmpty()) {
            out.println("usage: verify-log --public-key <base64 or file> --checkpoints <file> <events file>...");
            return 2;
        }
        try {
            ObjectMapper json = new ObjectMapper()
                    .registerModule(new JavaTimeModule())
                    .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
            String keyText = Files.isRegularFile(Path.of(publicKey)) ? Files.readString(Path.of(publicKey)) : publicKey;
            PublicKey key = CheckpointKey.publicKey(
                    keyText.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
            List<Checkpoint> checkpoints = items(json, checkpointFile, Checkpoint.class);
            List<LoggedEvent> events = new ArrayList<>();
            for (Path file : eventFiles) {
                events.addAll(items(json, file, LoggedEvent.class));
            }
            Result result = verify(events, checkpoints, key);
            if (result.intact()) {
                out.printf(
                        "INTACT: events %s to %s (%d), %d checkpoints verified%n",
                        result.firstSeq(), result.lastSeq(), result.events(), result.checkpoints());
                return 0;
            }
            out.printf("BROKEN at seq %d: %s%n", result.firstBad(), result.reason());
            return 1;
        } catch (IOException | IllegalArgumentException e) {
            out.println("cannot verify: " + e.getMessage());
            return 2;
        }
    }

    /** The items of a page ({@code {"items": [...]}}) or of a JSON array. */
    private static <T> List<T> items(ObjectMapper json, Path file, Class<T> type) throws IOException {
        JsonNode root = json.readTree(file.toFile());
        JsonNode items = root.isArray() ? root : root.path("items");
        List<T> values = new ArrayList<>();
        for (JsonNode item : items) {
            values.add(json.treeToValue(item, type));
        }
        return values;
    }
}
