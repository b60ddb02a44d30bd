package io.labgate.inventory.server;

import io.labgate.inventory.api.ServerStatus;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A GPU or CPU machine of the lab. */
@Entity
@Table(name = "lab_server")
public class LabServer extends PanacheEntityBase {

    @Id
    public UUID id;

    public String hostname;

    @Column(name = "asset_tag")
    public String assetTag;

    @Enumerated(EnumType.STRING)
    public ServerKind kind;

    @Column(name = "cpu_cores")
    public int cpuCores;

    @Column(name = "memory_gib")
    public int memoryGib;

    @Column(name = "gpu_model")
    public String gpuModel;

    @Column(name = "gpu_count")
    public int gpuCount;

    @Column(name = "gpu_memory_gib")
    public int gpuMemoryGib;

    public String location;

    @Column(name = "network_zone")
    public String networkZone;

    @Enumerated(EnumType.STRING)
    public ServerStatus status;

    @Column(name = "retired_at")
    public Instant retiredAt;

    @Column(name = "retired_reason")
    public String retiredReason;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;
}
