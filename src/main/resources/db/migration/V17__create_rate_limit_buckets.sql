-- The per-organization data-request rate, shared by every replica (io.labgate.delivery.DeliveryLimiter): one
-- token bucket per organization. Each data request takes a token with ONE statement, an
-- INSERT ... ON CONFLICT DO UPDATE that refills by the database clock and takes in the same row update, so
-- concurrent requests on any replica serialise on the organization's row only for that statement (it runs in
-- its own short transaction). The limits themselves (rate, burst) are configuration and passed with each
-- statement; only the state lives here.
-- * tokens: what was left after the last request, 0 .. burst (fractions accumulate between requests).
-- * refreshed_at: when tokens was last refilled (database clock); never moves backwards.
-- * granted: whether the last request got a token, so that the statement can answer it in RETURNING.
-- No foreign key: the caller's organization is checked after the rate (an unknown one is refused as usual), and
-- a row is a few dozen bytes. fillfactor leaves room in the page so that the constant updates stay HOT.
CREATE TABLE rate_limit_bucket (
    organization_id  uuid              PRIMARY KEY,
    tokens           double precision  NOT NULL CHECK (tokens >= 0),
    refreshed_at     timestamptz       NOT NULL,
    granted          boolean           NOT NULL
) WITH (fillfactor = 50);

-- Tokens in a bucket at "now": what was left, plus the refill since, at most the burst. A plain SQL function
-- (inlined by the planner) so that the taking statement can name it once per use.
CREATE FUNCTION rate_limit_available(tokens double precision, refreshed_at timestamptz, now timestamptz,
                                     per_second double precision, burst double precision)
    RETURNS double precision LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN least(burst, tokens + per_second * greatest(0, extract(epoch FROM now - refreshed_at)::double precision));
