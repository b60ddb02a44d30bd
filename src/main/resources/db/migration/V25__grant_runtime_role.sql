-- LabGate runs as a role that owns nothing (security review M5). Migrations run as the schema's owner
-- (quarkus.flyway.username); the runtime role (quarkus.datasource.username, the placeholder runtime_role) gets:
-- * SELECT and INSERT on the usage log, nothing more: no UPDATE, DELETE, TRUNCATE, TRIGGER, and, not being the owner,
--   no ALTER TABLE (its triggers cannot be switched off, no partition detached or dropped). Partitions are reached
--   through the parent only: they grant nothing to it.
-- * SELECT, INSERT, UPDATE, DELETE on every other table, and its sequences.
-- * The monthly partitions are created by usage_event_ensure_partition, which now runs as its owner.
-- A later migration that creates a table grants on it the same way (TableGrantsTest fails otherwise). When LabGate
-- migrates and runs as one role there is nothing to grant.

DO $grants$
DECLARE
    runtime text := '${runtime_role}';
    t record;
BEGIN
    IF runtime = current_user THEN
        RAISE NOTICE 'migrating and running as one role (%): no runtime role to grant to', runtime;
        RETURN;
    END IF;
    EXECUTE format('GRANT USAGE ON SCHEMA %I TO %I', current_schema(), runtime);
    FOR t IN SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition
               AND c.relname <> 'flyway_schema_history' LOOP
        IF t.relname = 'usage_event' THEN
            EXECUTE format('GRANT SELECT, INSERT ON %I TO %I', t.relname, runtime);
        ELSE
            EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO %I', t.relname, runtime);
        END IF;
    END LOOP;
    EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO %I', current_schema(), runtime);
END
$grants$;

ALTER FUNCTION usage_event_ensure_partition(date) SECURITY DEFINER SET search_path FROM CURRENT;
