-- Outgoing notifications (webhooks). A subscription names an http(s) URL and the event types it wants; its
-- signing secret is needed in clear to compute the HMAC the receiver verifies, so it is stored encrypted like an
-- access-key secret: AES-256-GCM (12-byte IV || ciphertext || tag) under the key-encryption key of version
-- key_version (labgate.gateway.key-encryption-keys), with 'webhook:' || id as additional authenticated data.
--
-- notification_outbox is a transactional outbox: a row is written in the transaction of the change it tells of,
-- so an event exists iff its change committed; the delivery job sends it at least once (delivered_at is set only
-- after a 2xx). dedupe_key makes an enqueue idempotent per subscription (GRANT_EXPIRING once per grant end).

CREATE TABLE webhook_subscription (
    id                 uuid PRIMARY KEY,
    url                varchar(2048) NOT NULL CHECK (url ~* '^https?://[^/?#@\s]+'),
    event_types        text[]        NOT NULL CHECK (
        cardinality(event_types) >= 1
        AND event_types <@ ARRAY['REQUEST_SUBMITTED', 'CONSENT_NEEDED', 'REQUEST_DECIDED', 'GRANT_EXPIRING',
                                 'GRANT_REVOKED']::text[]),
    description        varchar(255),
    secret_ciphertext  bytea         NOT NULL,
    key_version        integer       NOT NULL CHECK (key_version > 0),
    active             boolean       NOT NULL DEFAULT true,
    created_at         timestamptz   NOT NULL,
    created_by         varchar(255)  NOT NULL,
    deactivated_at     timestamptz,
    deactivated_by     varchar(255),
    version            bigint        NOT NULL DEFAULT 0,
    CONSTRAINT webhook_subscription_deactivation CHECK (active = (deactivated_at IS NULL))
);
CREATE INDEX webhook_subscription_active_idx ON webhook_subscription USING gin (event_types) WHERE active;

CREATE TABLE notification_outbox (
    id               uuid PRIMARY KEY,
    subscription_id  uuid          NOT NULL REFERENCES webhook_subscription (id),
    event_type       varchar(32)   NOT NULL CHECK (event_type IN ('REQUEST_SUBMITTED', 'CONSENT_NEEDED',
                                                   'REQUEST_DECIDED', 'GRANT_EXPIRING', 'GRANT_REVOKED')),
    dedupe_key       varchar(200),
    payload          jsonb         NOT NULL,
    created_at       timestamptz   NOT NULL,
    attempts         integer       NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at  timestamptz   NOT NULL,
    last_attempt_at  timestamptz,
    delivered_at     timestamptz,
    last_status      integer,
    last_error       varchar(500),
    dead             boolean       NOT NULL DEFAULT false,
    CONSTRAINT notification_outbox_dedupe_key UNIQUE (subscription_id, dedupe_key),
    CONSTRAINT notification_outbox_final CHECK (NOT (dead AND delivered_at IS NOT NULL))
);
-- the delivery job's claim: due rows, oldest first
CREATE INDEX notification_outbox_due_idx ON notification_outbox (next_attempt_at)
    WHERE delivered_at IS NULL AND NOT dead;
CREATE INDEX notification_outbox_subscription_idx ON notification_outbox (subscription_id, created_at DESC);
