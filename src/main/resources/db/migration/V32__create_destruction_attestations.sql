-- Destruction attestations (issue 14): when a grant ends (expired or revoked), its AI company certifies within the
-- policy's attestation_days that it destroyed its copies of the data. One attestation per grant (the unique
-- grant_id makes the job that creates them safe with several replicas); the grant's facts it needs are copied at
-- creation, so nothing later has to read the access tables. A REJECTED attestation is due again.

CREATE TABLE destruction_attestation (
    id                  uuid PRIMARY KEY,
    grant_id            uuid          NOT NULL UNIQUE REFERENCES access_grant (id),
    organization_id     uuid          NOT NULL REFERENCES organization (id),
    dataset_id          uuid          NOT NULL,
    dataset_version_id  uuid          NOT NULL,
    policy_id           uuid          NOT NULL,
    grant_valid_from    timestamptz   NOT NULL,
    grant_ended_at      timestamptz   NOT NULL,
    grant_ended_how     varchar(16)   NOT NULL CHECK (grant_ended_how IN ('EXPIRED', 'REVOKED')),
    due_at              timestamptz   NOT NULL,
    status              varchar(16)   NOT NULL CHECK (status IN ('DUE', 'SUBMITTED', 'ACCEPTED', 'REJECTED')),
    destroyed_by        varchar(200),
    destroyed_at        timestamptz,
    method              varchar(16)   CHECK (method IN ('DELETED', 'OVERWRITTEN', 'CRYPTO_ERASED', 'MEDIA_DESTROYED')),
    method_detail       varchar(2000),
    copies              text[],
    statement           varchar(4000),
    submitted_by        varchar(255),
    submitted_at        timestamptz,
    first_submitted_at  timestamptz,
    decided_by          varchar(255),
    decided_at          timestamptz,
    decision_reason     varchar(2000),
    rejections          integer       NOT NULL DEFAULT 0 CHECK (rejections >= 0),
    created_at          timestamptz   NOT NULL,
    updated_at          timestamptz   NOT NULL,
    version             bigint        NOT NULL DEFAULT 0,
    CONSTRAINT destruction_attestation_due_after_end CHECK (due_at > grant_ended_at),
    -- a submission is complete or absent; a DUE attestation has none yet
    CONSTRAINT destruction_attestation_submission_complete CHECK (
        (submitted_at IS NULL) = (destroyed_at IS NULL)
        AND (submitted_at IS NULL) = (method IS NULL)
        AND (submitted_at IS NULL) = (copies IS NULL)
        AND (submitted_at IS NULL) = (statement IS NULL)
        AND (submitted_at IS NULL) = (destroyed_by IS NULL)
        AND (status = 'DUE') = (submitted_at IS NULL)),
    CONSTRAINT destruction_attestation_copies_listed CHECK (copies IS NULL OR cardinality(copies) BETWEEN 1 AND 100),
    CONSTRAINT destruction_attestation_decision_complete CHECK (
        (status IN ('ACCEPTED', 'REJECTED')) = (decided_at IS NOT NULL)
        AND (status <> 'REJECTED' OR decision_reason IS NOT NULL))
);
-- the hold on new requests and the company's list: open attestations of an organization by due date
CREATE INDEX destruction_attestation_organization_idx ON destruction_attestation (organization_id, status, due_at);
-- the reminder job: open attestations by due date
CREATE INDEX destruction_attestation_open_due_idx ON destruction_attestation (due_at)
    WHERE status IN ('DUE', 'REJECTED');

-- Which reminder step was sent for which attestation: the primary key keeps each step once, across ticks and
-- replicas (the job inserts with ON CONFLICT DO NOTHING and notifies only for the rows it inserted).
CREATE TABLE attestation_reminder (
    attestation_id  uuid        NOT NULL REFERENCES destruction_attestation (id),
    step            varchar(16) NOT NULL CHECK (step IN ('BEFORE', 'OVERDUE')),
    sent_at         timestamptz NOT NULL,
    PRIMARY KEY (attestation_id, step)
);

-- The reminders travel as webhook events and mails like the grant-expiry warnings.
ALTER TABLE webhook_subscription DROP CONSTRAINT webhook_subscription_event_types_check;
ALTER TABLE webhook_subscription ADD CONSTRAINT webhook_subscription_event_types_check CHECK (
    cardinality(event_types) >= 1
    AND event_types <@ ARRAY['REQUEST_SUBMITTED', 'CONSENT_NEEDED', 'REQUEST_DECIDED', 'GRANT_EXPIRING',
                             'GRANT_REVOKED', 'ATTESTATION_DUE_SOON', 'ATTESTATION_OVERDUE']::text[]);
ALTER TABLE notification_outbox DROP CONSTRAINT notification_outbox_event_type_check;
ALTER TABLE notification_outbox ADD CONSTRAINT notification_outbox_event_type_check
    CHECK (event_type IN ('REQUEST_SUBMITTED', 'CONSENT_NEEDED', 'REQUEST_DECIDED', 'GRANT_EXPIRING',
                          'GRANT_REVOKED', 'ATTESTATION_DUE_SOON', 'ATTESTATION_OVERDUE'));
ALTER TABLE email_outbox DROP CONSTRAINT email_outbox_event_type_check;
ALTER TABLE email_outbox ADD CONSTRAINT email_outbox_event_type_check
    CHECK (event_type IN ('REQUEST_SUBMITTED', 'CONSENT_NEEDED', 'REQUEST_DECIDED', 'GRANT_EXPIRING',
                          'GRANT_REVOKED', 'MONTHLY_REPORT', 'ATTESTATION_DUE_SOON', 'ATTESTATION_OVERDUE'));

DO $grants$
BEGIN
    IF '${runtime_role}' <> current_user THEN
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON destruction_attestation, attestation_reminder TO %I',
                       '${runtime_role}');
    END IF;
END
$grants$;
