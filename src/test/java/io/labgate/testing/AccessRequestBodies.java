package io.labgate.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Bodies of access requests that pass every check of the test policies; tests change what they test. */
public final class AccessRequestBodies {

    private AccessRequestBodies() {}

    /** RESEARCH, from now until {@code until}, these access modes, the current terms, a unique project title. */
    public static Map<String, Object> of(List<String> versionIds, Instant until, List<String> modes) {
        Map<String, Object> body = new HashMap<>();
        body.put("datasetVersionIds", List.copyOf(versionIds));
        body.put("projectTitle", "Test project " + PublishedDatasets.suffix());
        body.put("purpose", "Train and prove a model in the lab");
        body.put("purposeCategory", "RESEARCH");
        body.put("periodFrom", Instant.now().toString());
        body.put("periodUntil", until.toString());
        body.put("accessModes", List.copyOf(modes));
        body.put("termsVersion", PublishedDatasets.TERMS);
        return body;
    }

    /** For 30 days from now, STREAM only. */
    public static Map<String, Object> of(String... versionIds) {
        return of(List.of(versionIds), Instant.now().plus(Duration.ofDays(30)), List.of("STREAM"));
    }
}
