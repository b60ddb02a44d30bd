-- The monthly layer of the usage rollup: a year's report reads twelve months of these instead of 365 days of
-- usage_daily_rollup (V14), about thirty times fewer rows.
--
-- * One row per (KST month, organization_id, dataset_version_id, action, outcome, reason), with the sums of the
--   daily rows of that month and "days": a bit mask of the days of the month that had such events (bit d-1 for
--   day d), so that "days active" can still be counted over any set of rows of a month (popcount of their OR).
-- * Kept by the same statement trigger as the daily rollup, in the writer's own transaction: usage_rollup_add()
--   now upserts both tables, keys in sorted order.
-- * A report reads whole months of its period from here and the days of its partial first and last months from
--   usage_daily_rollup (io.labgate.report.usage.UsageSql).
-- * Derived data like the daily rollup: usage_rollup_rebuild() recomputes both.

CREATE TABLE usage_monthly_rollup (
    month               date          NOT NULL CHECK (extract(day FROM month) = 1),
    organization_id     uuid,
    dataset_version_id  uuid,
    action              varchar(40)   NOT NULL,
    outcome             varchar(16)   NOT NULL,
    reason              varchar(64),
    events              bigint        NOT NULL CHECK (events > 0),
    bytes               bigint        NOT NULL CHECK (bytes >= 0),
    days                integer       NOT NULL CHECK (days <> 0),
    CONSTRAINT usage_monthly_rollup_key UNIQUE NULLS NOT DISTINCT
        (month, organization_id, dataset_version_id, action, outcome, reason)
);

-- Adds the rows of one INSERT statement on usage_event (transition table new_events) to both rollups.
CREATE OR REPLACE FUNCTION usage_rollup_add() RETURNS trigger
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

    INSERT INTO usage_monthly_rollup AS m
        (month, organization_id, dataset_version_id, action, outcome, reason, events, bytes, days)
    SELECT date_trunc('month', n.occurred_at AT TIME ZONE 'Asia/Seoul')::date, n.organization_id,
           n.dataset_version_id, n.action, n.outcome, n.reason, count(*), coalesce(sum(n.bytes), 0),
           bit_or(1 << (extract(day FROM n.occurred_at AT TIME ZONE 'Asia/Seoul')::int - 1))
    FROM new_events n
    GROUP BY 1, 2, 3, 4, 5, 6
    ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT ON CONSTRAINT usage_monthly_rollup_key
        DO UPDATE SET events = m.events + EXCLUDED.events, bytes = m.bytes + EXCLUDED.bytes,
                      days = m.days | EXCLUDED.days;
    RETURN NULL;
END;
$$;

-- Recomputes both rollups from usage_event; returns the number of daily rows. Safe while LabGate runs (see V14).
CREATE OR REPLACE FUNCTION usage_rollup_rebuild() RETURNS bigint
    LANGUAGE plpgsql AS $$
DECLARE
    written bigint;
BEGIN
    PERFORM pg_advisory_xact_lock(7811341217113269603);  -- 0x6c67757361676563, "lgusagec"
    LOCK TABLE usage_daily_rollup, usage_monthly_rollup IN SHARE ROW EXCLUSIVE MODE;
    DELETE FROM usage_daily_rollup;
    DELETE FROM usage_monthly_rollup;
    INSERT INTO usage_daily_rollup (day, organization_id, dataset_version_id, action, outcome, reason, events, bytes)
    SELECT (e.occurred_at AT TIME ZONE 'Asia/Seoul')::date, e.organization_id, e.dataset_version_id, e.action,
           e.outcome, e.reason, count(*), coalesce(sum(e.bytes), 0)
    FROM usage_event e
    GROUP BY 1, 2, 3, 4, 5, 6;
    GET DIAGNOSTICS written = ROW_COUNT;
    INSERT INTO usage_monthly_rollup
        (month, organization_id, dataset_version_id, action, outcome, reason, events, bytes, days)
    SELECT date_trunc('month', d.day)::date, d.organization_id, d.dataset_version_id, d.action, d.outcome,
           d.reason, sum(d.events), sum(d.bytes), bit_or(1 << (extract(day FROM d.day)::int - 1))
    FROM usage_daily_rollup d
    GROUP BY 1, 2, 3, 4, 5, 6;
    RETURN written;
END;
$$;

SELECT usage_rollup_rebuild();
