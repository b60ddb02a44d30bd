-- Versioned security policies. A row is one version of one policy (code, version_no). A version is locked the
-- first time a dataset uses it; from then on the database itself refuses to change or delete it, so the terms
-- a grant was given under can never move underneath it. Changing a locked policy means inserting a new version.

-- True when every element is a CIDR network without host bits (PostgreSQL's cidr type refuses 10.1.2.3/8).
-- LabGate writes the normal form; this is the backstop for anything that bypasses it.
CREATE FUNCTION security_policy_cidrs_valid(networks text[]) RETURNS boolean
    LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    network text;
BEGIN
    IF networks IS NULL THEN
        RETURN true;
    END IF;
    FOREACH network IN ARRAY networks LOOP
        IF network IS NULL OR network::cidr IS NULL THEN
            RETURN false;
        END IF;
    END LOOP;
    RETURN true;
EXCEPTION WHEN others THEN
    RETURN false;
END
$$;

CREATE TABLE security_policy (
    id                     uuid          PRIMARY KEY,
    code                   varchar(64)   NOT NULL CHECK (code ~ '^[a-z][a-z0-9-]{2,63}$'),
    version_no             integer       NOT NULL CHECK (version_no >= 1),
    title                  varchar(200)  NOT NULL CHECK (btrim(title) <> ''),
    description            varchar(4000),
    max_grant_days         integer       NOT NULL CHECK (max_grant_days BETWEEN 1 AND 365),
    max_link_seconds       integer       NOT NULL CHECK (max_link_seconds BETWEEN 60 AND 86400),
    allowed_modes          text[]        NOT NULL,
    allowed_networks       text[]        NOT NULL DEFAULT '{}',
    consent_required       boolean       NOT NULL,
    terms_version          varchar(32)   NOT NULL CHECK (terms_version ~ '^[A-Za-z0-9._-]{1,32}$'),
    max_concurrent_grants  integer       NOT NULL CHECK (max_concurrent_grants BETWEEN 1 AND 100),
    byte_quota_per_grant   bigint        NOT NULL CHECK (byte_quota_per_grant BETWEEN 1 AND 1125899906842624),
    created_at             timestamptz   NOT NULL,
    created_by             varchar(255)  NOT NULL,
    locked_at              timestamptz,
    version                bigint        NOT NULL DEFAULT 0,
    CONSTRAINT security_policy_code_version_key UNIQUE (code, version_no),
    CONSTRAINT security_policy_modes_valid CHECK (
        cardinality(allowed_modes) BETWEEN 1 AND 3
        AND array_ndims(allowed_modes) = 1
        AND allowed_modes <@ ARRAY['PRESIGNED_URL', 'STREAM', 'S3_ENDPOINT']::text[]),
    CONSTRAINT security_policy_networks_valid CHECK (
        cardinality(allowed_networks) <= 50
        AND (cardinality(allowed_networks) = 0 OR array_ndims(allowed_networks) = 1)
        AND security_policy_cidrs_valid(allowed_networks))
);
CREATE INDEX security_policy_consent_idx ON security_policy (consent_required);

-- Immutability of used versions, enforced here and not only in Java: once locked_at is set, every UPDATE and
-- DELETE of the row is refused. Whatever the lock state, the identity of a version (id, code, version_no,
-- created_at, created_by) never changes. SQLSTATE 23001 (restrict_violation) makes clients see an integrity
-- violation; the message names the rule in quotes so LabGate can recognise it.
CREATE FUNCTION security_policy_refuse_locked_change() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.locked_at IS NOT NULL THEN
        RAISE EXCEPTION 'rule "security_policy_locked": security policy % version % is in use since % and cannot change; create a new version',
                OLD.code, OLD.version_no, OLD.locked_at
            USING ERRCODE = 'restrict_violation', CONSTRAINT = 'security_policy_locked';
    END IF;
    IF TG_OP = 'UPDATE' AND (NEW.id <> OLD.id OR NEW.code <> OLD.code OR NEW.version_no <> OLD.version_no
            OR NEW.created_at <> OLD.created_at OR NEW.created_by <> OLD.created_by) THEN
        RAISE EXCEPTION 'rule "security_policy_identity": the identity of security policy % version % cannot change',
                OLD.code, OLD.version_no
            USING ERRCODE = 'restrict_violation', CONSTRAINT = 'security_policy_identity';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER security_policy_locked
    BEFORE UPDATE OR DELETE ON security_policy
    FOR EACH ROW EXECUTE FUNCTION security_policy_refuse_locked_change();
