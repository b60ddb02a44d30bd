-- The access workflow: an AI company's request for dataset versions, the providers' consents, the operator's
-- decision, and the time-boxed grants an approval creates. Every request transition and every grant change is
-- recorded in its own append-only table; extensions of a grant are changes like any other, never silent edits.

CREATE TABLE access_request (
    id                 uuid PRIMARY KEY,
    organization_id    uuid          NOT NULL REFERENCES organization (id),
    submitted_by       varchar(255)  NOT NULL,
    project_title      varchar(200)  NOT NULL CHECK (btrim(project_title) <> ''),
    purpose            varchar(4000) NOT NULL CHECK (btrim(purpose) <> ''),
    purpose_category   varchar(16)   NOT NULL CHECK (purpose_category IN ('RESEARCH', 'COMMERCIAL', 'PUBLIC_SERVICE',
                                                                         'EDUCATION')),
    period_from        timestamptz   NOT NULL,
    period_until       timestamptz   NOT NULL,
    access_modes       text[]        NOT NULL,
    terms_version      varchar(32)   NOT NULL,
    status             varchar(16)   NOT NULL CHECK (status IN ('SUBMITTED', 'AWAITING_CONSENT', 'UNDER_REVIEW',
                                                               'APPROVED', 'REJECTED', 'WITHDRAWN')),
    decided_by         varchar(255),
    decided_at         timestamptz,
    decision_reason    varchar(2000),
    created_at         timestamptz   NOT NULL,
    updated_at         timestamptz   NOT NULL,
    version            bigint        NOT NULL DEFAULT 0,
    CONSTRAINT access_request_period_valid CHECK (period_until > period_from),
    CONSTRAINT access_request_modes_valid CHECK (
        cardinality(access_modes) >= 1
        AND access_modes <@ ARRAY['PRESIGNED_URL', 'STREAM', 'S3_ENDPOINT']::text[]),
    CONSTRAINT access_request_decision_complete CHECK (
        (status IN ('APPROVED', 'REJECTED', 'WITHDRAWN')) = (decided_at IS NOT NULL))
);
CREATE INDEX access_request_organization_status_idx ON access_request (organization_id, status);
CREATE INDEX access_request_status_idx ON access_request (status);

CREATE TABLE access_request_item (
    id                  uuid PRIMARY KEY,
    request_id          uuid NOT NULL REFERENCES access_request (id),
    dataset_version_id  uuid NOT NULL REFERENCES dataset_version (id),
    dataset_id          uuid NOT NULL REFERENCES dataset (id),
    policy_id           uuid NOT NULL REFERENCES security_policy (id),
    CONSTRAINT access_request_item_version_key UNIQUE (request_id, dataset_version_id)
);
CREATE INDEX access_request_item_dataset_idx ON access_request_item (dataset_id);

-- every status change of a request, with who and why; from_status is NULL for the submission itself
CREATE TABLE request_transition (
    id           uuid PRIMARY KEY,
    seq          bigint GENERATED ALWAYS AS IDENTITY,
    request_id   uuid          NOT NULL REFERENCES access_request (id),
    from_status  varchar(16),
    to_status    varchar(16)   NOT NULL,
    actor        varchar(255)  NOT NULL,
    reason       varchar(2000),
    at           timestamptz   NOT NULL
);
CREATE INDEX request_transition_request_idx ON request_transition (request_id, seq);

CREATE TABLE consent (
    id                uuid PRIMARY KEY,
    request_id        uuid          NOT NULL REFERENCES access_request (id),
    dataset_id        uuid          NOT NULL REFERENCES dataset (id),
    provider_org_id   uuid          NOT NULL REFERENCES organization (id),
    decision          varchar(16)   NOT NULL CHECK (decision IN ('PENDING', 'GRANTED', 'REFUSED', 'WITHDRAWN')),
    reason            varchar(2000),
    automatic         boolean       NOT NULL DEFAULT false,
    decided_by        varchar(255),
    decided_at        timestamptz,
    created_at        timestamptz   NOT NULL,
    version           bigint        NOT NULL DEFAULT 0,
    CONSTRAINT consent_request_dataset_provider_key UNIQUE (request_id, dataset_id, provider_org_id),
    CONSTRAINT consent_decision_complete CHECK ((decision = 'PENDING') = (decided_at IS NULL))
);
CREATE INDEX consent_provider_idx ON consent (provider_org_id, decision);

-- a provider's standing list of AI companies whose requests for its data are refused at once
CREATE TABLE provider_exclusion (
    provider_org_id  uuid          NOT NULL REFERENCES organization (id),
    excluded_org_id  uuid          NOT NULL REFERENCES organization (id),
    reason           varchar(2000) NOT NULL CHECK (btrim(reason) <> ''),
    created_by       varchar(255)  NOT NULL,
    created_at       timestamptz   NOT NULL,
    PRIMARY KEY (provider_org_id, excluded_org_id),
    CONSTRAINT provider_exclusion_not_self CHECK (provider_org_id <> excluded_org_id)
);

CREATE TABLE access_grant (
    id                  uuid PRIMARY KEY,
    request_id          uuid          NOT NULL REFERENCES access_request (id),
    organization_id     uuid          NOT NULL REFERENCES organization (id),
    dataset_version_id  uuid          NOT NULL REFERENCES dataset_version (id),
    dataset_id          uuid          NOT NULL REFERENCES dataset (id),
    policy_id           uuid          NOT NULL REFERENCES security_policy (id),
    access_modes        text[]        NOT NULL,
    valid_from          timestamptz   NOT NULL,
    valid_until         timestamptz   NOT NULL,
    status              varchar(16)   NOT NULL CHECK (status IN ('ACTIVE', 'SUSPENDED', 'REVOKED', 'EXPIRED')),
    byte_quota          bigint        NOT NULL CHECK (byte_quota > 0),
    bytes_used          bigint        NOT NULL DEFAULT 0 CHECK (bytes_used >= 0),
    status_reason       varchar(2000),
    created_at          timestamptz   NOT NULL,
    updated_at          timestamptz   NOT NULL,
    version             bigint        NOT NULL DEFAULT 0,
    CONSTRAINT access_grant_period_valid CHECK (valid_until > valid_from),
    CONSTRAINT access_grant_modes_valid CHECK (
        cardinality(access_modes) >= 1
        AND access_modes <@ ARRAY['PRESIGNED_URL', 'STREAM', 'S3_ENDPOINT']::text[]),
    CONSTRAINT access_grant_ended_has_reason CHECK (status IN ('ACTIVE') OR status_reason IS NOT NULL),
    -- one grant per version and request: a second approval can never add a second set
    CONSTRAINT access_grant_request_version_key UNIQUE (request_id, dataset_version_id)
);
CREATE INDEX access_grant_organization_idx ON access_grant (organization_id, status);
CREATE INDEX access_grant_dataset_idx ON access_grant (dataset_id, status);
CREATE INDEX access_grant_version_idx ON access_grant (dataset_version_id, status);
CREATE INDEX access_grant_live_until_idx ON access_grant (valid_until) WHERE status IN ('ACTIVE', 'SUSPENDED');

CREATE TABLE grant_change (
    id               uuid PRIMARY KEY,
    seq              bigint GENERATED ALWAYS AS IDENTITY,
    grant_id         uuid          NOT NULL REFERENCES access_grant (id),
    action           varchar(16)   NOT NULL CHECK (action IN ('CREATED', 'SUSPENDED', 'RESUMED', 'REVOKED',
                                                              'EXTENDED', 'EXPIRED')),
    actor            varchar(255)  NOT NULL,
    reason           varchar(2000),
    old_valid_until  timestamptz,
    new_valid_until  timestamptz,
    at               timestamptz   NOT NULL,
    CONSTRAINT grant_change_extension_recorded CHECK (
        action <> 'EXTENDED' OR (old_valid_until IS NOT NULL AND new_valid_until > old_valid_until))
);
CREATE INDEX grant_change_grant_idx ON grant_change (grant_id, seq);
