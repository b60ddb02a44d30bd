-- Replicas keep what the data path reads on every request in memory (io.labgate.platform.cache.ChangeFeed): a
-- grant's state, an organization's status, an access key. Every change of those rows is announced on the channel
-- labgate_change with the payload '<table>:<key>' (the key column is the trigger's argument); each replica LISTENs
-- on a session of its own and forgets the entry. PostgreSQL delivers a notification at commit to every listening
-- session, and never for a rolled-back change, so a revocation reaches every replica within milliseconds. A replica
-- whose session breaks stops using its caches until it listens again, and then starts from empty ones.
--
-- access_grant.bytes_used changes on every transfer and is never cached: updates of it alone announce nothing.

CREATE FUNCTION labgate_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('labgate_change', TG_TABLE_NAME || ':' || (to_jsonb(OLD) ->> TG_ARGV[0]));
    RETURN NULL;
END
$$;

CREATE TRIGGER access_grant_notify_change
    AFTER UPDATE ON access_grant FOR EACH ROW
    WHEN ((to_jsonb(OLD) - 'bytes_used') IS DISTINCT FROM (to_jsonb(NEW) - 'bytes_used'))
    EXECUTE FUNCTION labgate_notify_change('id');
CREATE TRIGGER access_grant_notify_delete
    AFTER DELETE ON access_grant FOR EACH ROW EXECUTE FUNCTION labgate_notify_change('id');

CREATE TRIGGER organization_notify_change
    AFTER UPDATE OR DELETE ON organization FOR EACH ROW EXECUTE FUNCTION labgate_notify_change('id');

CREATE TRIGGER access_key_notify_change
    AFTER UPDATE OR DELETE ON access_key FOR EACH ROW EXECUTE FUNCTION labgate_notify_change('access_key_id');
