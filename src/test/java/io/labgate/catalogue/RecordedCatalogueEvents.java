package io.labgate.catalogue;

import io.labgate.catalogue.api.DatasetVersionRetired;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records committed retirements, the way the access workflow will observe them. */
@ApplicationScoped
public class RecordedCatalogueEvents {

    private final List<DatasetVersionRetired> retired = new CopyOnWriteArrayList<>();

    void retired(@Observes(during = TransactionPhase.AFTER_SUCCESS) DatasetVersionRetired event) {
        retired.add(event);
    }

    public List<DatasetVersionRetired> retiredOf(UUID versionId) {
        return retired.stream().filter(e -> e.versionId().equals(versionId)).toList();
    }
}
