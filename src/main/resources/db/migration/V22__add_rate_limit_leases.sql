-- Rate tokens are taken in leases: a replica takes up to a few tokens of an organization's bucket with one
-- statement and hands them out to that organization's next requests itself (io.labgate.delivery.DeliveryLimiter),
-- so a busy organization costs its row one update per lease, not one per request. taken answers, in RETURNING,
-- how many tokens the last statement took (0 when it was refused). Tokens of a lease not used within a second are
-- dropped, never returned: no organization ever gets more than its bucket allows, across all replicas.
ALTER TABLE rate_limit_bucket ADD COLUMN taken integer NOT NULL DEFAULT 0 CHECK (taken >= 0);
