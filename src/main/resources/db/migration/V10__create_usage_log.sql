-- The usage log: every access, refusal, workflow decision and grant change, append-only and hash-chained.
--
-- * Partitioned by month of occurred_at (UTC months). usage_event_ensure_partition(month) creates a month's
--   partition; LabGate's partition job calls it ahead of time (current month and the next), and this migration
--   calls it for the current and next month. Rows whose month has no partition land in usage_event_default.
-- * Append-only, enforced here and not only in Java: UPDATE and DELETE are refused row by row (the trigger is on
--   the partitioned table, so every partition gets a clone of it); TRUNCATE is refused by a statement trigger on
--   the partitioned table and on every partition (statement triggers are not cloned).
-- * Tamper-evident: hash = SHA-256 hex over prev_hash and a canonical serialisation of the other fields
--   (io.labgate.usage.EventDigest); the first event's prev_hash is 64 zeros. seq is the global order of the
--   chain: writers hold the transaction-level advisory lock "lgusagec" while they read the last (seq, hash) and
--   append. A partitioned table cannot have a unique key without occurred_at, so the uniqueness and contiguity of
--   seq rest on that lock, and verification (GET /api/v1/usage/verify) proves them.
-- * Friendly to a daily rollup: occurred_at, organization_id, dataset_version_id, action, bytes.

CREATE TABLE usage_event (
    id                  uuid          NOT NULL,
    seq                 bigint        NOT NULL CHECK (seq > 0),
    occurred_at         timestamptz   NOT NULL,
    organization_id     uuid,
    subject             varchar(255)  NOT NULL,
    -- grants and dataset versions may live in other branches' tables; deliberately no foreign keys: the log
    -- outlives what it talks about
    grant_id            uuid,
    dataset_version_id  uuid,
    -- extensible: the format is checked here, the value against io.labgate.usage.api.UsageAction when written
    action              varchar(40)   NOT NULL CHECK (action ~ '^[A-Z][A-Z0-9_]{1,39}$'),
    object_key          varchar(1024),
    bytes               bigint        CHECK (bytes >= 0),
    client_address      varchar(64),
    outcome             varchar(16)   NOT NULL CHECK (outcome IN ('SUCCESS', 'REFUSED', 'FAILED')),
    reason              varchar(64),
    request_id          varchar(64),
    prev_hash           char(64)      NOT NULL CHECK (prev_hash ~ '^[0-9a-f]{64}$'),
    hash                char(64)      NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$'),
    CONSTRAINT usage_event_pkey PRIMARY KEY (seq, occurred_at),
    CONSTRAINT usage_event_id_key UNIQUE (id, occurred_at)
) PARTITION BY RANGE (occurred_at);

CREATE TABLE usage_event_default PARTITION OF usage_event DEFAULT;

-- the primary key's index serves "ORDER BY seq" and seq ranges; these serve the tenant view, grant totals and
-- time ranges (BRIN: the log is appended in time order, so a tiny index prunes well)
CREATE INDEX usage_event_organization_idx ON usage_event (organization_id, occurred_at);
CREATE INDEX usage_event_grant_idx ON usage_event (grant_id, occurred_at) WHERE grant_id IS NOT NULL;
CREATE INDEX usage_event_occurred_at_brin ON usage_event USING brin (occurred_at);

-- SQLSTATE 23001 (restrict_violation); the message names the rule in quotes so LabGate can recognise it.
CREATE FUNCTION usage_event_refuse_change() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'usage events are append-only: % refused by "usage_event_append_only"', TG_OP
        USING ERRCODE = 'restrict_violation';
END;
$$;

CREATE TRIGGER usage_event_append_only BEFORE UPDATE OR DELETE ON usage_event
    FOR EACH ROW EXECUTE FUNCTION usage_event_refuse_change();
CREATE TRIGGER usage_event_refuse_truncate BEFORE TRUNCATE ON usage_event
    FOR EACH STATEMENT EXECUTE FUNCTION usage_event_refuse_change();
CREATE TRIGGER usage_event_refuse_truncate BEFORE TRUNCATE ON usage_event_default
    FOR EACH STATEMENT EXECUTE FUNCTION usage_event_refuse_change();

-- Creates the partition of the UTC month that contains "month" (any day of it), unless it exists; returns its
-- name. Idempotent, and safe when several LabGate replicas call it at once: it serialises on the advisory lock
-- "lgusagep". If the default partition already holds rows of that month, the partition cannot be created without
-- moving them (which the append-only rule forbids): it warns and returns NULL, and those rows stay in default.
CREATE FUNCTION usage_event_ensure_partition(month date) RETURNS text
    LANGUAGE plpgsql AS $$
DECLARE
    first_day      date;
    lower_bound    timestamptz;
    upper_bound    timestamptz;
    partition_name text;
BEGIN
    IF month IS NULL THEN
        RAISE EXCEPTION 'month must not be null' USING ERRCODE = 'null_value_not_allowed';
    END IF;
    first_day := date_trunc('month', month)::date;
    lower_bound := (first_day::text || ' 00:00:00+00')::timestamptz;
    upper_bound := ((first_day + interval '1 month')::date::text || ' 00:00:00+00')::timestamptz;
    partition_name := 'usage_event_' || to_char(first_day, 'YYYY_MM');

    PERFORM pg_advisory_xact_lock(7811341217113269616);  -- 0x6c67757361676570, "lgusagep"
    IF to_regclass(partition_name) IS NOT NULL THEN
        RETURN partition_name;
    END IF;
    IF EXISTS (SELECT 1 FROM usage_event_default
               WHERE occurred_at >= lower_bound AND occurred_at < upper_bound) THEN
        RAISE WARNING 'usage_event_default holds events of %; partition % not created', first_day, partition_name;
        RETURN NULL;
    END IF;
    EXECUTE format('CREATE TABLE IF NOT EXISTS %I PARTITION OF usage_event FOR VALUES FROM (%L) TO (%L)',
                   partition_name, first_day::text || ' 00:00:00+00',
                   (first_day + interval '1 month')::date::text || ' 00:00:00+00');
    EXECUTE format('CREATE TRIGGER usage_event_refuse_truncate BEFORE TRUNCATE ON %I '
                   'FOR EACH STATEMENT EXECUTE FUNCTION usage_event_refuse_change()', partition_name);
    RETURN partition_name;
END;
$$;

SELECT usage_event_ensure_partition((now() AT TIME ZONE 'UTC')::date);
SELECT usage_event_ensure_partition(((now() AT TIME ZONE 'UTC') + interval '1 month')::date);
