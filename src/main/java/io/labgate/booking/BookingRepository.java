package io.labgate.booking;

import io.labgate.platform.paging.Filter;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class BookingRepository implements PanacheRepositoryBase<Booking, UUID> {

    /** What a booking list may be narrowed to; null means "any". {@code from}/{@code to} select overlaps. */
    public record Criteria(UUID serverId, UUID organizationId, Instant from, Instant to, boolean includeCancelled) {}

    /** A booking (live or cancelled), row-locked for the rest of the transaction so that it can be changed. */
    public Optional<Booking> findForUpdate(UUID id) {
        return find("id", id).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /** The bookings that match, overlapping the half-open window {@code [from, to)} when given. */
    public PanacheQuery<Booking> findMatching(Criteria criteria, Sort sort) {
        Filter filter = new Filter();
        filter.where("serverId = :serverId", "serverId", criteria.serverId());
        filter.where("organizationId = :organizationId", "organizationId", criteria.organizationId());
        filter.where("endsAt > :from", "from", criteria.from());
        filter.where("startsAt < :to", "to", criteria.to());
        if (!criteria.includeCancelled()) {
            filter.clause("cancelledAt is null");
        }
        return find(filter.query(), sort, filter.parameters());
    }

    /**
     * Booked GPU-hours per organization in {@code [from, to)}, computed by the database: for each live booking
     * that overlaps the period, the overlap in hours times the server's GPU count, summed per organization and
     * rounded to six decimals. With {@code organizationId} the answer is that organization's row (zero when it
     * booked nothing, none when it is not registered); without, a row per organization with at least one
     * overlapping booking, by name.
     */
    public List<GpuHoursReport.OrganizationGpuHours> gpuHours(Instant from, Instant to, UUID organizationId) {
        String sql = """
                SELECT o.id, o.name,
                       ROUND(COALESCE(SUM(EXTRACT(EPOCH FROM LEAST(r.ends_at, CAST(:to AS timestamptz))
                               - GREATEST(r.starts_at, CAST(:from AS timestamptz))) * s.gpu_count), 0) / 3600, 6),
                       ROUND(COALESCE(SUM(EXTRACT(EPOCH FROM LEAST(r.ends_at, CAST(:to AS timestamptz))
                               - GREATEST(r.starts_at, CAST(:from AS timestamptz)))), 0) / 3600, 6),
                       COUNT(r.id)
                FROM organization o
                LEFT JOIN server_reservation r
                       ON r.organization_id = o.id
                      AND r.kind = 'BOOKING'
                      AND r.cancelled_at IS NULL
                      AND r.starts_at < CAST(:to AS timestamptz)
                      AND r.ends_at > CAST(:from AS timestamptz)
                LEFT JOIN lab_server s ON s.id = r.server_id
                """
                + (organizationId != null ? "WHERE o.id = :organizationId\n" : "")
                + "GROUP BY o.id, o.name\n"
                + (organizationId != null ? "" : "HAVING COUNT(r.id) > 0\n")
                + "ORDER BY o.name, o.id";
        var query = getEntityManager()
                .createNativeQuery(sql)
                .setParameter("from", from)
                .setParameter("to", to);
        if (organizationId != null) {
            query.setParameter("organizationId", organizationId);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream()
                .map(row -> new GpuHoursReport.OrganizationGpuHours(
                        (UUID) row[0],
                        (String) row[1],
                        ((Number) row[2]).doubleValue(),
                        ((Number) row[3]).doubleValue(),
                        ((Number) row[4]).longValue()))
                .toList();
    }
}
