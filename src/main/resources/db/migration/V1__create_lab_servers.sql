-- Lab servers and the time they are reserved (maintenance now, bookings later).
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE lab_server (
    id              uuid PRIMARY KEY,
    hostname        varchar(253) NOT NULL,
    asset_tag       varchar(64)  NOT NULL,
    kind            varchar(8)   NOT NULL CHECK (kind IN ('GPU', 'CPU')),
    cpu_cores       integer      NOT NULL CHECK (cpu_cores BETWEEN 1 AND 4096),
    memory_gib      integer      NOT NULL CHECK (memory_gib BETWEEN 1 AND 65536),
    gpu_model       varchar(100),
    gpu_count       integer      NOT NULL DEFAULT 0 CHECK (gpu_count BETWEEN 0 AND 64),
    gpu_memory_gib  integer      NOT NULL DEFAULT 0 CHECK (gpu_memory_gib BETWEEN 0 AND 1024),
    location        varchar(200) NOT NULL,
    network_zone    varchar(64)  NOT NULL,
    status          varchar(16)  NOT NULL CHECK (status IN ('AVAILABLE', 'MAINTENANCE', 'RETIRED')),
    retired_at      timestamptz,
    retired_reason  varchar(500),
    created_at      timestamptz  NOT NULL,
    updated_at      timestamptz  NOT NULL,
    version         bigint       NOT NULL DEFAULT 0,
    CONSTRAINT lab_server_hostname_key UNIQUE (hostname),
    CONSTRAINT lab_server_asset_tag_key UNIQUE (asset_tag),
    CONSTRAINT lab_server_gpu_described CHECK (kind <> 'GPU' OR (gpu_count > 0 AND gpu_model IS NOT NULL)),
    CONSTRAINT lab_server_retired_consistent CHECK ((status = 'RETIRED') = (retired_at IS NOT NULL))
);
CREATE INDEX lab_server_status_idx ON lab_server (status);

-- Every span of a server's time that is taken: a maintenance window or a booking. The exclusion constraint
-- makes the database itself refuse two live reservations of one server that overlap, whatever the code does.
CREATE TABLE server_reservation (
    id               uuid PRIMARY KEY,
    server_id        uuid         NOT NULL REFERENCES lab_server (id),
    kind             varchar(16)  NOT NULL CHECK (kind IN ('MAINTENANCE', 'BOOKING')),
    starts_at        timestamptz  NOT NULL,
    ends_at          timestamptz  NOT NULL,
    reason           varchar(500),
    organization_id  uuid,
    created_by       varchar(255) NOT NULL,
    created_at       timestamptz  NOT NULL,
    cancelled_at     timestamptz,
    CONSTRAINT server_reservation_period_valid CHECK (ends_at > starts_at),
    CONSTRAINT server_reservation_booking_has_org CHECK (kind <> 'BOOKING' OR organization_id IS NOT NULL),
    CONSTRAINT server_reservation_no_overlap EXCLUDE USING gist (
        server_id WITH =, tstzrange(starts_at, ends_at, '[)') WITH &&) WHERE (cancelled_at IS NULL)
);
CREATE INDEX server_reservation_server_idx ON server_reservation (server_id, starts_at);
