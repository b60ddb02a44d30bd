package io.labgate.booking;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Booked GPU-hours per organization in {@code [from, to)}: for every live booking, the hours of the booking that
 * fall inside the period times the GPU count of its server.
 */
public record GpuHoursReport(Instant from, Instant to, List<OrganizationGpuHours> organizations) {

    /**
     * One organization's share of the period.
     *
     * @param gpuHours hours inside the period × GPUs of the booked server, summed over its live bookings
     * @param serverHours hours inside the period, summed over its live bookings (CPU servers count here too)
     * @param bookings how many live bookings overlap the period
     */
    public record OrganizationGpuHours(
            UUID organizationId, String organizationName, double gpuHours, double serverHours, long bookings) {}
}
