-- Events that come in floods are counted, not written one row each: refusals of requests whose signature did not
-- verify, and refusals by the rate limiter. Identical events of one minute become one event whose occurrences is
-- their number (io.labgate.usage.api.UsageLog#tally). Every other event has occurrences = 1.
--
-- * The chain's canonical form includes occurrences only when it is not 1 (io.labgate.usage.EventDigest), so the
--   hashes of every event written before this migration stay valid.
-- * The rollups count occurrences, not rows: usage_rollup_add() and usage_rollup_rebuild() are redefined with
--   sum(occurrences) where they had count(*); otherwise they are those of V18.

ALTER TABLE usage_event ADD COLUMN occurrences integer NOT NULL DEFAULT 1 CHECK (occurrences >= 1);

CREATE OR REPLACE FUNCTION usage_rollup_add() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO usage_daily_rollup AS r
        (day, organization_id, dataset_version_id, action, outcome, reason, events, bytes)
    SELECT (n.occurred_at AT TIME ZONE 'Asia/Seoul')::date, n.organization_id, n.dataset_version_id, n.action,
           n.outcome, n.reason, sum(n.occurrences), coalesce(sum(n.bytes), 0)
    FROM new_events n
    GROUP BY 1, 2, 3, 4, 5, 6
    ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT ON CONSTRAINT usage_daily_rollup_key
        DO UPDATE SET events = r.events + EXCLUDED.events, bytes = r.bytes + EXCLUDED.bytes;

    INSERT INTO usage_monthly_rollup AS m
        (month, organization_id, dataset_version_id, action, outcome, reason, events, bytes, days)
    SELECT date_trunc('month', n.occurred_at AT TIME ZONE 'Asia/Seoul')::date, n.organization_id,
           n.dataset_version_id, n.action, n.outcome, n.reason, sum(n.occurrences), coalesce(sum(n.bytes), 0),
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
           e.outcome, e.reason, sum(e.occurrences), coalesce(sum(e.bytes), 0)
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
