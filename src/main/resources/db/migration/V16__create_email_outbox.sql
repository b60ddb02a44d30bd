-- Outgoing email notifications: a second outbox beside notification_outbox (V13), with the same delivery columns
-- and the same guarantees, but one row per recipient address instead of per webhook subscription. A row is
-- written in the transaction of the workflow change it tells of, so a mail exists iff its change committed; the
-- delivery job sends it at least once (delivered_at is set only after the SMTP server accepted it).
--
-- recipient_kind says why the address was chosen (io.labgate.notify.EmailRecipients): the requesting AI company,
-- a provider organization (both by organization.contact_email at the time of the event) or one of the configured
-- operator addresses (labgate.notify.mail.operators, no organization). The subject and text are rendered when the
-- mail is sent, from payload (the event, as sent to webhooks, plus names for the text) and recipient_name.

CREATE TABLE email_outbox (
    id               uuid PRIMARY KEY,
    event_type       varchar(32)   NOT NULL CHECK (event_type IN ('REQUEST_SUBMITTED', 'CONSENT_NEEDED',
                                                   'REQUEST_DECIDED', 'GRANT_EXPIRING', 'GRANT_REVOKED')),
    dedupe_key       varchar(200),
    recipient_kind   varchar(16)   NOT NULL CHECK (recipient_kind IN ('AI_COMPANY', 'PROVIDER', 'OPERATORS')),
    organization_id  uuid          REFERENCES organization (id),
    recipient_email  varchar(254)  NOT NULL CHECK (recipient_email LIKE '_%@_%'),
    recipient_name   varchar(200),
    payload          jsonb         NOT NULL,
    created_at       timestamptz   NOT NULL,
    attempts         integer       NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at  timestamptz   NOT NULL,
    last_attempt_at  timestamptz,
    delivered_at     timestamptz,
    last_error       varchar(500),
    dead             boolean       NOT NULL DEFAULT false,
    CONSTRAINT email_outbox_recipient_organization CHECK ((recipient_kind = 'OPERATORS') = (organization_id IS NULL)),
    -- GRANT_EXPIRING once per grant end and address, whichever replica or tick enqueues it
    CONSTRAINT email_outbox_dedupe_key UNIQUE (recipient_email, dedupe_key),
    CONSTRAINT email_outbox_final CHECK (NOT (dead AND delivered_at IS NOT NULL))
);
-- the delivery job's claim: due rows, oldest first
CREATE INDEX email_outbox_due_idx ON email_outbox (next_attempt_at) WHERE delivered_at IS NULL AND NOT dead;
CREATE INDEX email_outbox_created_idx ON email_outbox (created_at DESC);
CREATE INDEX email_outbox_organization_idx ON email_outbox (organization_id, created_at DESC);
