-- The monthly operation report by mail (issue 12): a row per configured address and month, deduplicated by
-- (recipient_email, dedupe_key = 'monthly-report:YYYY-MM') so that every replica may enqueue it and one mail goes.
-- The addresses are configured (labgate.notify.monthly-report.recipients), not an organization's.
ALTER TABLE email_outbox DROP CONSTRAINT email_outbox_event_type_check;
ALTER TABLE email_outbox ADD CONSTRAINT email_outbox_event_type_check
    CHECK (event_type IN ('REQUEST_SUBMITTED', 'CONSENT_NEEDED', 'REQUEST_DECIDED', 'GRANT_EXPIRING',
                          'GRANT_REVOKED', 'MONTHLY_REPORT'));
ALTER TABLE email_outbox DROP CONSTRAINT email_outbox_recipient_kind_check;
ALTER TABLE email_outbox ADD CONSTRAINT email_outbox_recipient_kind_check
    CHECK (recipient_kind IN ('AI_COMPANY', 'PROVIDER', 'OPERATORS', 'REPORT_RECIPIENT'));
ALTER TABLE email_outbox DROP CONSTRAINT email_outbox_recipient_organization;
ALTER TABLE email_outbox ADD CONSTRAINT email_outbox_recipient_organization
    CHECK ((recipient_kind IN ('OPERATORS', 'REPORT_RECIPIENT')) = (organization_id IS NULL));
