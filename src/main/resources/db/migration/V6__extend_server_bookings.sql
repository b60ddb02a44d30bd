-- Server bookings: rows of server_reservation with kind BOOKING (V1), so that the exclusion constraint
-- server_reservation_no_overlap keeps bookings apart from each other and from maintenance windows. This adds
-- what a booking needs beyond V1; no existing column is renamed or dropped.

ALTER TABLE server_reservation
    -- what the AI company uses the server for (maintenance windows keep using "reason")
    ADD COLUMN purpose            varchar(500),
    -- the access request whose approval booked the server; null for bookings an operator made directly
    ADD COLUMN access_request_id  uuid,
    -- who cancelled the reservation (cancelled_at says when)
    ADD COLUMN cancelled_by       varchar(255);

ALTER TABLE server_reservation
    ADD CONSTRAINT server_reservation_organization_fk
        FOREIGN KEY (organization_id) REFERENCES organization (id),
    ADD CONSTRAINT server_reservation_booking_has_purpose
        CHECK (kind <> 'BOOKING' OR (purpose IS NOT NULL AND btrim(purpose) <> '')),
    ADD CONSTRAINT server_reservation_access_request_only_for_booking
        CHECK (kind = 'BOOKING' OR access_request_id IS NULL),
    ADD CONSTRAINT server_reservation_cancelled_by_consistent
        CHECK (cancelled_by IS NULL OR cancelled_at IS NOT NULL);

-- an organization's bookings in time order (tenant lists, GPU-hour sums)
CREATE INDEX server_reservation_organization_idx ON server_reservation (organization_id, starts_at);
-- the bookings of one access request (the access workflow looks them up on withdrawal or revocation)
CREATE INDEX server_reservation_access_request_idx ON server_reservation (access_request_id)
    WHERE access_request_id IS NOT NULL;
