package io.labgate.access;

import io.labgate.access.api.GrantExpired;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/** Every {@link GrantExpired} event of the test JVM. */
@ApplicationScoped
public class RecordedGrantEvents {

    private final List<UUID> expired = new CopyOnWriteArrayList<>();

    void onExpired(@Observes GrantExpired event) {
        expired.add(event.grantId());
    }

    public List<UUID> expired() {
        return List.copyOf(expired);
    }
}
