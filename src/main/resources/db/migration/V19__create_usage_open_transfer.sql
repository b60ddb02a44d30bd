-- Transfers whose TRANSFER_STARTED event is in the usage log and whose completion is not (yet).
--
-- * A row is inserted by the usage-log writer in the same transaction as the TRANSFER_STARTED event, before the
--   first byte of the transfer leaves, and deleted in the same transaction as the transfer's completion event
--   (OBJECT_STREAMED or S3_REQUEST with the exact bytes written). The log itself stays append-only; this table is
--   its index of what is still open.
-- * replica_lock is the PostgreSQL session advisory lock that the replica which started the transfer holds while it
--   lives (io.labgate.platform.replica.ReplicaSession). A row whose lock anybody can take belongs to a replica that
--   died: any replica then writes its completion as FAILED / INTERRUPTED with the reserved bytes (the upper bound
--   of what may have left) and deletes the row; the grant's bytes used already hold the reservation.
-- * The completion's usage-event fields are kept here, so that settling needs nothing but this row.

CREATE TABLE usage_open_transfer (
    start_event_id      uuid          PRIMARY KEY,
    replica_lock        bigint        NOT NULL,
    started_at          timestamptz   NOT NULL,
    completion_action   varchar(40)   NOT NULL CHECK (completion_action ~ '^[A-Z][A-Z0-9_]{1,39}$'),
    organization_id     uuid,
    subject             varchar(255)  NOT NULL,
    grant_id            uuid,
    dataset_version_id  uuid,
    object_key          varchar(1024),
    reserved_bytes      bigint        NOT NULL CHECK (reserved_bytes >= 0),
    client_address      varchar(64),
    request_id          varchar(64)
);

CREATE INDEX usage_open_transfer_replica_idx ON usage_open_transfer (replica_lock);
