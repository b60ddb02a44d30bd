-- A usage event's request_id is LabGate's own id of the request; the id a client offered in X-Request-Id (to
-- correlate on its side) is kept apart in client_request_id, so that no client can choose what the log calls a
-- request (security review L6). It is hashed into the chain only when present (io.labgate.usage.EventDigest), so
-- the events written before it keep their hashes.
ALTER TABLE usage_event ADD COLUMN client_request_id varchar(64);
ALTER TABLE usage_outbox ADD COLUMN client_request_id varchar(64);
ALTER TABLE usage_open_transfer ADD COLUMN client_request_id varchar(64);
