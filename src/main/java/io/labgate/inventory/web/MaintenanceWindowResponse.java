package io.labgate.inventory.web;

import io.labgate.inventory.server.ServerReservation;
import java.time.Instant;
import java.util.UUID;

public record MaintenanceWindowResponse(
        UUID id, UUID serverId, Instant startsAt, Instant endsAt, String reason, String createdBy, Instant createdAt) {

    public static MaintenanceWindowResponse from(ServerReservation r) {
        return new MaintenanceWindowResponse(
                r.id, r.serverId, r.startsAt, r.endsAt, r.reason, r.createdBy, r.createdAt);
    }
}
