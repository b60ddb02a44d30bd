package io.labgate.inventory.server;

import io.labgate.inventory.api.ServerStatus;
import io.labgate.inventory.web.LabServerRequest;
import io.labgate.inventory.web.LabServerResponse;
import io.labgate.inventory.web.MaintenanceWindowRequest;
import io.labgate.inventory.web.MaintenanceWindowResponse;
import io.labgate.platform.error.ApiException;
import io.labgate.platform.error.DatabaseConstraints;
import io.labgate.platform.http.ETags;
import io.labgate.platform.paging.Filter;
import io.labgate.platform.paging.PageQuery;
import io.labgate.platform.paging.PageResponse;
import io.labgate.platform.security.Caller;
import io.labgate.platform.time.LabTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Registers lab servers, keeps their status transitions sane, and schedules their maintenance. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class LabServerService {

    static final Duration MAX_MAINTENANCE = Duration.ofDays(90);

    private static final Map<String, String> SORTABLE = Map.of(
            "hostname",
            "hostname",
            "assetTag",
            "assetTag",
            "kind",
            "kind",
            "status",
            "status",
            "cpuCores",
            "cpuCores",
            "memoryGib",
            "memoryGib",
            "gpuCount",
            "gpuCount",
            "createdAt",
            "createdAt",
            "networkZone",
            "networkZone");

    @Inject
    LabServerRepository servers;

    @Inject
    ServerReservationRepository reservations;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResponse<LabServerResponse> list(
            ServerKind kind, ServerStatus status, String networkZone, String gpuModel, PageQuery page) {
        Filter filter = new Filter()
                .equal("kind", kind)
                .equal("status", status)
                .equalIgnoreCase("networkZone", networkZone)
                .contains("gpuModel", gpuModel);
        return PageResponse.of(
                servers.find(filter.query(), page.toSort(SORTABLE, "hostname"), filter.parameters()),
                page,
                LabServerResponse::from);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public LabServerResponse get(UUID id) {
        return LabServerResponse.from(find(id));
    }

    public LabServerResponse create(LabServerRequest request) {
        checkHardware(request);
        ServerStatus status = request.status() == null ? ServerStatus.AVAILABLE : request.status();
        if (status == ServerStatus.RETIRED) {
            throw ApiException.invalid("status", "a new server cannot be retired");
        }
        ensureUnique(request, null);
        LabServer server = new LabServer();
        server.id = UUID.randomUUID();
        apply(server, request);
        server.status = status;
        server.createdAt = now();
        server.updatedAt = server.createdAt;
        servers.persist(server);
        return LabServerResponse.from(server);
    }

    public LabServerResponse update(UUID id, long expectedVersion, LabServerRequest request) {
        LabServer server = find(id);
        ETags.requireVersion(server.version, expectedVersion);
        if (server.status == ServerStatus.RETIRED) {
            throw ApiException.conflict("server " + id + " is RETIRED and can no longer change");
        }
        if (request.status() == ServerStatus.RETIRED) {
            throw ApiException.invalid("status", "retire a server with POST /api/v1/servers/{id}/retire");
        }
        checkHardware(request);
        ensureUnique(request, id);
        apply(server, request);
        if (request.status() != null) {
            server.status = request.status();
        }
        server.updatedAt = now();
        servers.flush();
        return LabServerResponse.from(server);
    }

    public LabServerResponse retire(UUID id, long expectedVersion, String reason) {
        // FOR UPDATE: a booking being made holds the server row locked, so this waits for it to commit and
        // then counts it; without the lock both could pass and leave a retired server with a live booking
        LabServer server = servers.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ApiException.notFound("lab server", id));
        ETags.requireVersion(server.version, expectedVersion);
        if (server.status == ServerStatus.RETIRED) {
            throw ApiException.conflict("server " + id + " is already RETIRED");
        }
        if (reservations.countLiveBookingsEndingAfter(id, now()) > 0) {
            throw ApiException.conflict("server " + id + " has bookings that have not ended; cancel them first");
        }
        server.status = ServerStatus.RETIRED;
        server.retiredAt = now();
        server.retiredReason = reason;
        server.updatedAt = server.retiredAt;
        servers.flush();
        return LabServerResponse.from(server);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResponse<MaintenanceWindowResponse> maintenance(UUID serverId, PageQuery page) {
        find(serverId);
        return PageResponse.of(reservations.liveMaintenanceOf(serverId), page, MaintenanceWindowResponse::from);
    }

    public MaintenanceWindowResponse scheduleMaintenance(UUID serverId, MaintenanceWindowRequest request) {
        // locked like a booking (LabServers.lockForReservation): reservations of one server queue on its row
        LabServer server = servers.findByIdOptional(serverId, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ApiException.notFound("lab server", serverId));
        if (server.status == ServerStatus.RETIRED) {
            throw ApiException.conflict("server " + serverId + " is RETIRED");
        }
        if (!request.endsAt().isAfter(request.startsAt())) {
            throw ApiException.invalid("endsAt", "must be after startsAt");
        }
        if (!request.endsAt().isAfter(now())) {
            throw ApiException.invalid("endsAt", "must be in the future");
        }
        if (Duration.between(request.startsAt(), request.endsAt()).compareTo(MAX_MAINTENANCE) > 0) {
            throw ApiException.invalid(
                    "endsAt", "a maintenance window lasts at most " + MAX_MAINTENANCE.toDays() + " days");
        }
        ServerReservation window = new ServerReservation();
        window.id = UUID.randomUUID();
        window.serverId = serverId;
        window.kind = ServerReservation.Kind.MAINTENANCE;
        window.startsAt = request.startsAt().truncatedTo(ChronoUnit.SECONDS);
        window.endsAt = request.endsAt().truncatedTo(ChronoUnit.SECONDS);
        window.reason = request.reason();
        window.createdBy = caller.subject();
        window.createdAt = now();
        try {
            reservations.persistAndFlush(window);
        } catch (PersistenceException e) {
            if (DatabaseConstraints.violated(e, "server_reservation_no_overlap")) {
                throw ApiException.conflict(
                        "the window overlaps a booking or another maintenance window of server " + serverId);
            }
            throw e;
        }
        return MaintenanceWindowResponse.from(window);
    }

    public void cancelMaintenance(UUID serverId, UUID windowId) {
        ServerReservation window = reservations
                .findByIdOptional(windowId)
                .filter(w -> w.serverId.equals(serverId)
                        && w.kind == ServerReservation.Kind.MAINTENANCE
                        && w.cancelledAt == null)
                .orElseThrow(() -> ApiException.notFound("maintenance window", windowId));
        window.cancelledAt = now();
    }

    private LabServer find(UUID id) {
        return servers.findByIdOptional(id).orElseThrow(() -> ApiException.notFound("lab server", id));
    }

    private static void checkHardware(LabServerRequest request) {
        if (request.kind() == ServerKind.GPU && (request.gpuCount() < 1 || isBlank(request.gpuModel()))) {
            throw ApiException.invalid("gpuCount", "a GPU server needs gpuModel and gpuCount of 1 or more");
        }
        if (request.kind() == ServerKind.CPU && request.gpuCount() > 0) {
            throw ApiException.invalid("gpuCount", "a CPU server has no GPUs");
        }
    }

    private void ensureUnique(LabServerRequest request, UUID self) {
        servers.findByHostname(request.hostname())
                .filter(s -> !s.id.equals(self))
                .ifPresent(s -> {
                    throw ApiException.conflict("hostname " + request.hostname() + " is already registered");
                });
        servers.findByAssetTag(request.assetTag())
                .filter(s -> !s.id.equals(self))
                .ifPresent(s -> {
                    throw ApiException.conflict("asset tag " + request.assetTag() + " is already registered");
                });
    }

    private static void apply(LabServer server, LabServerRequest request) {
        server.hostname = request.hostname().toLowerCase(Locale.ROOT);
        server.assetTag = request.assetTag();
        server.kind = request.kind();
        server.cpuCores = request.cpuCores();
        server.memoryGib = request.memoryGib();
        server.gpuModel =
                isBlank(request.gpuModel()) ? null : request.gpuModel().trim();
        server.gpuCount = request.gpuCount();
        server.gpuMemoryGib = request.gpuMemoryGib();
        server.location = request.location().trim();
        server.networkZone = request.networkZone();
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private Instant now() {
        return LabTime.now(clock);
    }
}
