-- The daily rollup of the usage log: what the operation report reads, so that a year's report over millions of
-- events reads a few hundred thousand rows at most instead of every event.
--
-- * One row per (day, organization_id, dataset_version_id, action, outcome, reason) with the number of events and
--   the sum of their bytes. "day" is the calendar day of occurred_at in Korea Standard Time (Asia/Seoul, UTC+9, no
--   daylight saving: io.labgate.report.ReportPeriod.ZONE), so report days and months are KST days and months.
--   organization_id, dataset_version_id and reason may be NULL (a refusal of an unknown key, a request without a
--   dataset); the key treats NULLs as equal (UNIQUE NULLS NOT DISTINCT, PostgreSQL 15+), so each group is one row.
-- * bytes is the sum of usage_event.bytes over the group's events, 0 when none of them has bytes.
-- * Kept up to date in the writer's own transaction by a statement-level AFTER INSERT trigger on the partitioned
--   usage_event: its transition table (REFERENCING NEW TABLE) holds the statement's rows whatever partition they
--   were routed to; they are aggregated and added with INSERT ... ON CONFLICT DO UPDATE (events = events + ...).
--   The upsert is correct without the chain's advisory lock too: ON CONFLICT inserts or updates each key
--   atomically under concurrent inserts, and keys are upserted in sorted order so two statements upserting the same
--   keys wait for each other instead of deadlocking.
-- * Derived data: usage_rollup_rebuild() recomputes it from usage_event (this migration back-fills with it).
--   The rollup is never a source of truth; the hash-chained log is.

CREATE TABLE usage_daily_rollup (
    day                 date          NOT NULL,
    organization_id     uuid,
    dataset_version_id  uuid,
    action              varchar(40)   NOT NULL,
    outcome             varchar(16)   NOT NULL,
    reason              varchar(64),
    events              bigint        NOT NULL CHECK (events > 0),
    bytes               bigint        NOT NULL CHECK (bytes >= 0),
    CONSTRAINT usage_daily_rollup_key UNIQUE NULLS NOT DISTINCT
        (day, organization_id, dataset_version_id, action, outcome, reason)
);
-- the key's index (day first) serves period scans; this one the per-organization view
CREATE INDEX usage_daily_rollup_organization_idx ON usage_daily_rollup (organization_id, day);

-- Adds the rows of one INSERT statement on usage_event (transition table new_events) to the rollup.
CREATE FUNCTION usage_rollup_add() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO usage_daily_rollup AS r
        (day, organization_id, dataset_version_id, action, outcome, reason, events, bytes)
    SELECT (n.occurred_at AT TIME ZONE 'Asia/Seoul')::date, n.organization_id, n.dataset_version_id, n.action,
           n.outcome, n.reason, count(*), coalesce(sum(n.bytes), 0)
    FROM new_events n
    GROUP BY 1, 2, 3, 4, 5, 6
    ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT ON CONSTRAINT usage_daily_rollup_key
        DO UPDATE SET events = r.events + EXCLUDED.events, bytes = r.bytes + EXCLUDED.bytes;
    RETURN NULL;
END;
$$;

CREATE TRIGGER usage_event_rollup AFTER INSERT ON usage_event
    REFERENCING NEW TABLE AS new_events
    FOR EACH STATEMENT EXECUTE FUNCTION usage_rollup_add();

-- Recomputes the whole rollup from usage_event and returns its number of rows. Safe while LabGate runs: it holds
-- the chain's advisory lock "lgusagec" (LabGate's writers wait) and locks the rollup against every other writer
-- (SHARE ROW EXCLUSIVE conflicts with the trigger's upserts; a writer that already upserted is waited for), so
-- no event is counted twice or missed.
CREATE FUNCTION usage_rollup_rebuild() RETURNS bigint
    LANGUAGE plpgsql AS $$
DECLARE
    written bigint;
BEGIN
    PERFORM pg_advisory_xact_lock(7811341217113269603);  -- 0x6c67757361676563, "lgusagec"
    LOCK TABLE usage_daily_rollup IN SHARE ROW EXCLUSIVE MODE;
    DELETE FROM usage_daily_rollup;
    INSERT INTO usage_daily_rollup (day, organization_id, dataset_version_id, action, outcome, reason, events, bytes)
    SELECT (e.occurred_at AT TIME ZONE 'Asia/Seoul')::date, e.organization_id, e.dataset_version_id, e.action,
           e.outcome, e.reason, count(*), coalesce(sum(e.bytes), 0)
    FROM usage_event e
    GROUP BY 1, 2, 3, 4, 5, 6;
    GET DIAGNOSTICS written = ROW_COUNT;
    RETURN written;
END;
$$;

SELECT usage_rollup_rebuild();
