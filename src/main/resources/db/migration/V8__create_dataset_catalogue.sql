-- The dataset catalogue: processed datasets (industry × AI technology, provider companies, a security policy),
-- their versions (a bucket + prefix, an object manifest, a de-identification attestation) and the manifests.
--
-- A version is a DRAFT until it is published; from then on the database itself keeps it as it was published:
-- the only change it accepts is PUBLISHED → RETIRED (status, retired_at, retired_reason), and the manifest of a
-- version that is not a DRAFT can be neither added to, changed nor removed. Grants rely on this: what an AI
-- company was granted is exactly what the manifest lists.

CREATE TABLE dataset (
    id                  uuid PRIMARY KEY,
    code                varchar(64)   NOT NULL CHECK (code ~ '^[a-z0-9][a-z0-9-]{1,62}[a-z0-9]$'),
    title               varchar(200)  NOT NULL CHECK (btrim(title) <> ''),
    description         varchar(4000),
    industry_code       varchar(32) COLLATE "C" NOT NULL REFERENCES industry (code),
    ai_technology_code  varchar(32) COLLATE "C" NOT NULL REFERENCES ai_technology (code),
    security_policy_id  uuid          NOT NULL REFERENCES security_policy (id),
    use_conditions      text[]        NOT NULL DEFAULT '{}',
    created_at          timestamptz   NOT NULL,
    updated_at          timestamptz   NOT NULL,
    version             bigint        NOT NULL DEFAULT 0,
    CONSTRAINT dataset_code_key UNIQUE (code),
    CONSTRAINT dataset_use_conditions_valid CHECK (
        (cardinality(use_conditions) = 0 OR array_ndims(use_conditions) = 1)
        AND use_conditions <@ ARRAY['COMMERCIAL_USE_ALLOWED', 'NO_REDISTRIBUTION', 'NO_REIDENTIFICATION',
                                    'LAB_NETWORK_ONLY', 'RESEARCH_ONLY']::text[])
);
CREATE INDEX dataset_industry_technology_idx ON dataset (industry_code, ai_technology_code);
CREATE INDEX dataset_policy_idx ON dataset (security_policy_id);

-- The companies whose data a dataset was made from (at least one; LabGate checks that each is a DATA_PROVIDER).
CREATE TABLE dataset_provider (
    dataset_id       uuid NOT NULL REFERENCES dataset (id) ON DELETE CASCADE,
    organization_id  uuid NOT NULL REFERENCES organization (id),
    PRIMARY KEY (dataset_id, organization_id)
);
CREATE INDEX dataset_provider_organization_idx ON dataset_provider (organization_id);

CREATE TABLE dataset_version (
    id                uuid PRIMARY KEY,
    dataset_id        uuid          NOT NULL REFERENCES dataset (id),
    label             varchar(32)   NOT NULL CHECK (label ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$'),
    bucket_id         uuid          NOT NULL REFERENCES storage_bucket (id),
    -- relative to the bucket: no leading '/', ends with '/', never '..' or '//'
    prefix            varchar(512)  NOT NULL CHECK (
                          prefix ~ '/$' AND left(prefix, 1) <> '/'
                          AND strpos(prefix, '..') = 0 AND strpos(prefix, '//') = 0),
    status            varchar(16)   NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED', 'RETIRED')),
    object_count      bigint        NOT NULL DEFAULT 0 CHECK (object_count >= 0),
    total_bytes       bigint        NOT NULL DEFAULT 0 CHECK (total_bytes >= 0),
    manifest_built_at timestamptz,
    deid_method       varchar(32)   CHECK (deid_method IN ('PSEUDONYMISATION', 'ANONYMISATION', 'AGGREGATION',
                                                           'MASKING')),
    deid_verifier     varchar(200),
    deid_verified_on  date,
    deid_note         varchar(2000),
    deid_verified     boolean       NOT NULL DEFAULT false,
    published_at      timestamptz,
    retired_at        timestamptz,
    retired_reason    varchar(500),
    created_at        timestamptz   NOT NULL,
    version           bigint        NOT NULL DEFAULT 0,
    CONSTRAINT dataset_version_label_key UNIQUE (dataset_id, label),
    CONSTRAINT dataset_version_attestation_complete CHECK (
        (deid_method IS NULL) = (deid_verifier IS NULL) AND (deid_method IS NULL) = (deid_verified_on IS NULL)
        AND (deid_method IS NOT NULL OR NOT deid_verified)),
    CONSTRAINT dataset_version_published_state CHECK ((status = 'DRAFT') = (published_at IS NULL)),
    CONSTRAINT dataset_version_retired_state CHECK (
        (status = 'RETIRED') = (retired_at IS NOT NULL) AND (status = 'RETIRED') = (retired_reason IS NOT NULL)),
    -- only a version with a built, non-empty manifest and a verified attestation is ever published
    CONSTRAINT dataset_version_publishable CHECK (
        status = 'DRAFT' OR (manifest_built_at IS NOT NULL AND object_count > 0 AND deid_verified))
);
CREATE INDEX dataset_version_dataset_status_idx ON dataset_version (dataset_id, status);

-- A published or retired version never changes, except PUBLISHED → RETIRED; neither is ever deleted.
-- SQLSTATE 23001 (restrict_violation); the message names the rule in quotes so LabGate can recognise it.
CREATE FUNCTION dataset_version_refuse_published_change() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.status = 'DRAFT' THEN
        IF TG_OP = 'DELETE' THEN
            RETURN OLD;
        END IF;
        RETURN NEW;
    END IF;
    IF TG_OP = 'UPDATE' AND OLD.status = 'PUBLISHED' AND NEW.status IN ('PUBLISHED', 'RETIRED')
            AND (to_jsonb(NEW) - 'status' - 'retired_at' - 'retired_reason' - 'version')
                = (to_jsonb(OLD) - 'status' - 'retired_at' - 'retired_reason' - 'version')
            AND (NEW.status = 'RETIRED' OR (NEW.retired_at IS NULL AND NEW.retired_reason IS NULL)) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'rule "dataset_version_immutable": dataset version % (%) is % and cannot change',
            OLD.label, OLD.id, OLD.status
        USING ERRCODE = 'restrict_violation', CONSTRAINT = 'dataset_version_immutable';
END
$$;

CREATE TRIGGER dataset_version_immutable
    BEFORE UPDATE OR DELETE ON dataset_version
    FOR EACH ROW EXECUTE FUNCTION dataset_version_refuse_published_change();

-- The manifest of a version: every object under its prefix, with the SHA-256 of its content.
CREATE TABLE dataset_object (
    version_id  uuid          NOT NULL REFERENCES dataset_version (id),
    object_key  varchar(1024) COLLATE "C" NOT NULL CHECK (object_key <> ''),
    size_bytes  bigint        NOT NULL CHECK (size_bytes >= 0),
    sha256      char(64)      NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    PRIMARY KEY (version_id, object_key)
);

-- The manifest changes only while its version is a DRAFT. The version row is share-locked, so a manifest
-- write and a concurrent publication of the same version serialise.
CREATE FUNCTION dataset_object_refuse_frozen_change() RETURNS trigger
    LANGUAGE plpgsql AS $$
DECLARE
    version_status text;
    target uuid;
BEGIN
    target := CASE WHEN TG_OP = 'DELETE' THEN OLD.version_id ELSE NEW.version_id END;
    SELECT status INTO version_status FROM dataset_version WHERE id = target FOR SHARE;
    IF version_status IS DISTINCT FROM 'DRAFT'
            OR (TG_OP = 'UPDATE' AND OLD.version_id <> NEW.version_id) THEN
        RAISE EXCEPTION 'rule "dataset_object_frozen": the manifest of dataset version % is % and cannot change',
                target, coalesce(version_status, 'missing')
            USING ERRCODE = 'restrict_violation', CONSTRAINT = 'dataset_object_frozen';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER dataset_object_frozen
    BEFORE INSERT OR UPDATE OR DELETE ON dataset_object
    FOR EACH ROW EXECUTE FUNCTION dataset_object_refuse_frozen_change();
