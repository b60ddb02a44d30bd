-- Responses of creations made with an Idempotency-Key, so that a retried request gets the first answer.
CREATE TABLE idempotency_record (
    principal     varchar(255) NOT NULL,
    operation     varchar(100) NOT NULL,
    idem_key      varchar(128) NOT NULL,
    request_hash  char(64)     NOT NULL,
    status        integer      NOT NULL,
    location      varchar(2000),
    body          text         NOT NULL,
    created_at    timestamptz  NOT NULL,
    PRIMARY KEY (principal, operation, idem_key)
);
CREATE INDEX idempotency_record_created_idx ON idempotency_record (created_at);
