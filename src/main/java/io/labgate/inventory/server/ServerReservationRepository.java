package io.labgate.inventory.server;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

@ApplicationScoped
public class ServerReservationRepository implements PanacheRepositoryBase<ServerReservation, UUID> {

    public PanacheQuery<ServerReservation> liveMaintenanceOf(UUID serverId) {
        return find(
                "serverId = ?1 and kind = ?2 and cancelledAt is null",
                Sort.by("startsAt").and("id"),
                serverId,
                ServerReservation.Kind.MAINTENANCE);
    }

    public long countLiveBookingsEndingAfter(UUID serverId, Instant instant) {
        return count(
                "serverId = ?1 and kind = ?2 and cancelledAt is null and endsAt > ?3",
                serverId,
                ServerReservation.Kind.BOOKING,
                instant);
    }
}
