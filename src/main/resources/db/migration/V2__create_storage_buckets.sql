-- Object-storage buckets LabGate knows about, and their usage sampled from the real store over time.
--
-- A bucket's name follows the S3 naming rules (also what the MinIO SDK accepts): 3 to 63 characters of
-- lower-case letters, digits, dots and dashes, starting and ending with a letter or digit, no '..', '.-' or
-- '-.'. (The API additionally refuses names shaped like an IPv4 address.) Drift is UNKNOWN exactly until the
-- first reconciliation against the store.
CREATE TABLE storage_bucket (
    id                  uuid PRIMARY KEY,
    name                varchar(63)  NOT NULL,
    purpose             varchar(16)  NOT NULL CHECK (purpose IN ('RAW', 'PROCESSED', 'SANDBOX', 'ARCHIVE')),
    quota_bytes         bigint       NOT NULL CHECK (quota_bytes > 0),
    versioning          boolean      NOT NULL DEFAULT false,
    encryption          boolean      NOT NULL DEFAULT false,
    description         varchar(500),
    object_count        bigint       NOT NULL DEFAULT 0 CHECK (object_count >= 0),
    used_bytes          bigint       NOT NULL DEFAULT 0 CHECK (used_bytes >= 0),
    last_reconciled_at  timestamptz,
    drift               varchar(16)  NOT NULL DEFAULT 'UNKNOWN'
                        CHECK (drift IN ('NONE', 'MISSING', 'OVER_QUOTA', 'UNKNOWN')),
    created_at          timestamptz  NOT NULL,
    updated_at          timestamptz  NOT NULL,
    version             bigint       NOT NULL DEFAULT 0,
    CONSTRAINT storage_bucket_name_key UNIQUE (name),
    CONSTRAINT storage_bucket_name_valid CHECK (
        name ~ '^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$'
        AND strpos(name, '..') = 0 AND strpos(name, '.-') = 0 AND strpos(name, '-.') = 0),
    CONSTRAINT storage_bucket_drift_known_once_reconciled CHECK ((drift = 'UNKNOWN') = (last_reconciled_at IS NULL))
);
CREATE INDEX storage_bucket_purpose_idx ON storage_bucket (purpose);

-- One row per reconciliation: what the store held at that moment against the quota of that moment. The
-- year-2 operation report charts usage against quota over time from these rows; they are never updated.
CREATE TABLE bucket_usage_sample (
    id            uuid PRIMARY KEY,
    bucket_id     uuid         NOT NULL REFERENCES storage_bucket (id),
    sampled_at    timestamptz  NOT NULL,
    present       boolean      NOT NULL,
    object_count  bigint       NOT NULL CHECK (object_count >= 0),
    used_bytes    bigint       NOT NULL CHECK (used_bytes >= 0),
    quota_bytes   bigint       NOT NULL CHECK (quota_bytes > 0),
    CONSTRAINT bucket_usage_sample_absent_is_empty CHECK (present OR (object_count = 0 AND used_bytes = 0))
);
CREATE INDEX bucket_usage_sample_bucket_time_idx ON bucket_usage_sample (bucket_id, sampled_at);
