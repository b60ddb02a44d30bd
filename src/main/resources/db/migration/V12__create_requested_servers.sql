-- Lab servers an access request asks for; the approval books them (server_reservation rows of kind BOOKING).
CREATE TABLE access_request_server (
    id          uuid        PRIMARY KEY,
    request_id  uuid        NOT NULL REFERENCES access_request (id),
    server_id   uuid        NOT NULL REFERENCES lab_server (id),
    starts_at   timestamptz NOT NULL,
    ends_at     timestamptz NOT NULL,
    booking_id  uuid        REFERENCES server_reservation (id),
    CONSTRAINT access_request_server_period_valid CHECK (ends_at > starts_at)
);
CREATE INDEX access_request_server_request_idx ON access_request_server (request_id);
