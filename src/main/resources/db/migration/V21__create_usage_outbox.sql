-- Events that must commit together with a business change (workflow decisions, grant changes): the change's own
-- transaction inserts the event here, and the usage-log writer of any replica moves it into the hash chain soon
-- after (io.labgate.usage.UsageLogWriter#drainOutbox: chain lock, DELETE ... RETURNING with SKIP LOCKED, insert,
-- one transaction). So a change is never committed without its event, and an event never tells of a change that
-- was rolled back. Rows live here for milliseconds; occurred_at is the change's time.

CREATE TABLE usage_outbox (
    id                  uuid          PRIMARY KEY,
    occurred_at         timestamptz   NOT NULL,
    organization_id     uuid,
    subject             varchar(255)  NOT NULL,
    grant_id            uuid,
    dataset_version_id  uuid,
    action              varchar(40)   NOT NULL CHECK (action ~ '^[A-Z][A-Z0-9_]{1,39}$'),
    object_key          varchar(1024),
    bytes               bigint        CHECK (bytes >= 0),
    client_address      varchar(64),
    outcome             varchar(16)   NOT NULL CHECK (outcome IN ('SUCCESS', 'REFUSED', 'FAILED')),
    reason              varchar(64),
    request_id          varchar(64)
);

CREATE INDEX usage_outbox_occurred_at_idx ON usage_outbox (occurred_at);
