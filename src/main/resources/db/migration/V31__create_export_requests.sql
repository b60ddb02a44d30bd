-- Export review (반출 심사, issue 14): results or models an AI company asks to take out of the lab. The artifacts
-- are copied from the company's SANDBOX prefix into LabGate's ARCHIVE bucket when asked (what is checked, reviewed
-- and released is that copy, not a sandbox object the company can still change), checked automatically, reviewed
-- by people, released for a window, then archived.
CREATE TABLE export_request (
    id                 uuid          PRIMARY KEY,
    organization_id    uuid          NOT NULL,
    requested_by       varchar(255)  NOT NULL,
    purpose            varchar(2000) NOT NULL CHECK (btrim(purpose) <> ''),
    sandbox_bucket     varchar(63)   NOT NULL,
    sandbox_prefix     varchar(1024) NOT NULL,
    archive_bucket     varchar(63)   NOT NULL,
    -- what it derives from, fixed when asked: the company's grants, their dataset versions and their providers
    grant_ids          uuid[]        NOT NULL CHECK (cardinality(grant_ids) BETWEEN 1 AND 20),
    version_ids        uuid[]        NOT NULL,
    provider_ids       uuid[]        NOT NULL,
    status             varchar(24)   NOT NULL
        CHECK (status IN ('IN_REVIEW', 'CHANGES_REQUESTED', 'APPROVED', 'REFUSED', 'ARCHIVED')),
    refusal            varchar(32),
    round              integer       NOT NULL DEFAULT 1 CHECK (round >= 1),
    approvals_needed   integer       NOT NULL CHECK (approvals_needed BETWEEN 1 AND 10),
    release_hours      integer       NOT NULL CHECK (release_hours BETWEEN 1 AND 720),
    file_count         integer       NOT NULL,
    total_bytes        bigint        NOT NULL,
    created_at         timestamptz   NOT NULL,
    submitted_at       timestamptz   NOT NULL,
    decided_at         timestamptz,
    released_until     timestamptz,
    archived_at        timestamptz,
    version            bigint        NOT NULL DEFAULT 0,
    CONSTRAINT export_request_refused_has_reason CHECK ((status = 'REFUSED') = (refusal IS NOT NULL)
        OR (status = 'ARCHIVED'))
);
CREATE INDEX export_request_organization_idx ON export_request (organization_id, created_at);
CREATE INDEX export_request_providers_idx ON export_request USING gin (provider_ids);
CREATE INDEX export_request_release_idx ON export_request (released_until) WHERE status = 'APPROVED';

-- The artifacts of the current round, as copied: key under the sandbox prefix, size, SHA-256, where the copy is.
CREATE TABLE export_artifact (
    export_id    uuid          NOT NULL REFERENCES export_request (id),
    name         varchar(1024) NOT NULL,
    size_bytes   bigint        NOT NULL CHECK (size_bytes >= 0),
    sha256       char(64),     -- null when it was not read: refused from its listing (too many, too large)
    archive_key  varchar(1024),-- null when it was not copied (refused from its listing)
    PRIMARY KEY (export_id, name)
);

-- What the automatic checks found in the current round; a refusing finding refused the export by itself.
CREATE TABLE export_finding (
    export_id    uuid          NOT NULL REFERENCES export_request (id),
    position     integer       NOT NULL,
    kind         varchar(32)   NOT NULL,
    path         varchar(2048) NOT NULL,
    detail       varchar(1000) NOT NULL,
    occurrences  bigint        NOT NULL,
    refuses      boolean       NOT NULL,
    PRIMARY KEY (export_id, position)
);

-- Every verdict of every round: who, as whom, when, and why. One per reviewer and round.
CREATE TABLE export_review (
    id            uuid          PRIMARY KEY,
    export_id     uuid          NOT NULL REFERENCES export_request (id),
    round         integer       NOT NULL,
    reviewer      varchar(255)  NOT NULL,
    reviewer_role varchar(16)   NOT NULL CHECK (reviewer_role IN ('OPERATOR', 'PROVIDER')),
    provider_id   uuid,
    verdict       varchar(16)   NOT NULL CHECK (verdict IN ('APPROVE', 'REFUSE', 'ASK_CHANGES')),
    reason        varchar(2000) NOT NULL CHECK (btrim(reason) <> ''),
    reviewed_at   timestamptz   NOT NULL,
    CONSTRAINT export_review_once UNIQUE (export_id, round, reviewer),
    CONSTRAINT export_review_provider CHECK ((reviewer_role = 'PROVIDER') = (provider_id IS NOT NULL))
);

-- The runtime role (V25): reviews are a record, it may only add them.
DO $grants$
BEGIN
    IF '${runtime_role}' <> current_user THEN
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON export_request, export_artifact, export_finding TO %I',
                       '${runtime_role}');
        EXECUTE format('GRANT SELECT, INSERT ON export_review TO %I', '${runtime_role}');
    END IF;
END
$grants$;
