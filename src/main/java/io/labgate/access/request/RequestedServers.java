package io.labgate.access.request;

import io.labgate.booking.api.ServerBookings;
import io.labgate.inventory.api.LabServers;
import io.labgate.inventory.api.ServerStatus;
import io.labgate.platform.error.Problem;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * The lab servers an access request asks for. Submission checks that each server can be booked at all and that
 * its slot lies within the requested period; approval books every slot in the approval's transaction, so the
 * database's no-overlap rule decides: if a server is no longer free, the approval fails as a whole (409).
 */
@ApplicationScoped
public class RequestedServers implements PanacheRepositoryBase<RequestedServer, UUID> {

    @Inject
    LabServers servers;

    @Inject
    ServerBookings bookings;

    /** Adds a violation for every slot that cannot be part of a request for [from, until). */
    void check(List<ServerSlot> slots, Instant from, Instant until, List<Problem.Violation> violations) {
        for (int i = 0; i < slots.size(); i++) {
            ServerSlot slot = slots.get(i);
            String field = "servers[" + i + "]";
            var server = servers.find(slot.serverId());
            if (server.isEmpty()) {
                violations.add(new Problem.Violation(field + ".serverId", "no lab server " + slot.serverId()));
            } else if (server.get().status() == ServerStatus.RETIRED) {
                violations.add(new Problem.Violation(
                        field + ".serverId", "server " + server.get().hostname() + " is RETIRED"));
            }
            if (!slot.endsAt().isAfter(slot.startsAt())) {
                violations.add(new Problem.Violation(field + ".endsAt", "must be after startsAt"));
            } else if (slot.startsAt().isBefore(from) || slot.endsAt().isAfter(until)) {
                violations.add(new Problem.Violation(field, "must lie within the requested period"));
            }
        }
    }

    void record(UUID requestId, List<ServerSlot> slots) {
        for (ServerSlot slot : slots) {
            RequestedServer requested = new RequestedServer();
            requested.id = UUID.randomUUID();
            requested.requestId = requestId;
            requested.serverId = slot.serverId();
            requested.startsAt = slot.startsAt().truncatedTo(ChronoUnit.SECONDS);
            requested.endsAt = slot.endsAt().truncatedTo(ChronoUnit.SECONDS);
            persist(requested);
        }
    }

    /** Books every slot of an approved request for its organization; a taken server fails the approval. */
    void book(AccessRequest request) {
        for (RequestedServer requested : of(request.id)) {
            requested.bookingId = bookings.book(
                    requested.serverId,
                    request.organizationId,
                    requested.startsAt,
                    requested.endsAt,
                    "access request: " + request.projectTitle,
                    request.id);
        }
    }

    List<RequestedServer> of(UUID requestId) {
        return list("requestId", Sort.by("startsAt").and("id"), requestId);
    }
}
