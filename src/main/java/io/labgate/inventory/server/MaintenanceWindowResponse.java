package io.labgate.inventory.server;

import java.time.Instant;
import java.util.UUID;

public record MaintenanceWindowResponse(
        UUID id, UUID serverId, Instant startsAt, Instant endsAt, String reason, String createdBy, Instant createdAt) {

    static MaintenanceWindowResponse from(ServerReservation r) {
        return new MaintenanceWindowResponse(
                r.id, r.serverId, r.startsAt, r.endsAt, r.reason, r.createdBy, r.createdAt);
    }
}
