package io.labgate.inventory.web;

import io.labgate.inventory.api.ServerStatus;
import io.labgate.inventory.server.LabServer;
import io.labgate.inventory.server.ServerKind;
import java.time.Instant;
import java.util.UUID;

/** A lab server as the API shows it. */
public record LabServerResponse(
        UUID id,
        String hostname,
        String assetTag,
        ServerKind kind,
        int cpuCores,
        int memoryGib,
        String gpuModel,
        int gpuCount,
        int gpuMemoryGib,
        String location,
        String networkZone,
        ServerStatus status,
        Instant retiredAt,
        String retiredReason,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    public static LabServerResponse from(LabServer s) {
        return new LabServerResponse(
                s.id,
                s.hostname,
                s.assetTag,
                s.kind,
                s.cpuCores,
                s.memoryGib,
                s.gpuModel,
                s.gpuCount,
                s.gpuMemoryGib,
                s.location,
                s.networkZone,
                s.status,
                s.retiredAt,
                s.retiredReason,
                s.createdAt,
                s.updatedAt,
                s.version);
    }
}
