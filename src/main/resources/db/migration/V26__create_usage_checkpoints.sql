-- Signed checkpoints of the usage log (io.labgate.usage.checkpoint): now and then a replica signs the chain's head
-- (seq, hash, time) with an Ed25519 key from configuration and keeps the statement here and as an object in the
-- store. Whoever holds the public key, the exported events and the checkpoints can then prove a period intact
-- without trusting the database: a superuser who rewrites an event and recomputes every later hash still cannot
-- produce the signed hash of a later checkpoint. Append-only like the log; the runtime role may read and add.

CREATE TABLE usage_checkpoint (
    seq         bigint        PRIMARY KEY CHECK (seq > 0),
    hash        char(64)      NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$'),
    signed_at   timestamptz   NOT NULL,
    key_id      varchar(32)   NOT NULL,
    signature   varchar(200)  NOT NULL,
    object_key  varchar(255)
);

CREATE TRIGGER usage_checkpoint_refuse_change BEFORE UPDATE OR DELETE ON usage_checkpoint
    FOR EACH ROW EXECUTE FUNCTION usage_event_refuse_change();
CREATE TRIGGER usage_checkpoint_refuse_truncate BEFORE TRUNCATE ON usage_checkpoint
    FOR EACH STATEMENT EXECUTE FUNCTION usage_event_refuse_change();

DO $grants$
BEGIN
    IF '${runtime_role}' <> current_user THEN
        EXECUTE format('GRANT SELECT, INSERT ON usage_checkpoint TO %I', '${runtime_role}');
    END IF;
END
$grants$;
