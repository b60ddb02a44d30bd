-- Access keys of the S3-compatible endpoint: one grant may have several (rotation), each usable only while its
-- grant is. The secret is never stored in clear: secret_ciphertext is AES-256-GCM (12-byte IV || ciphertext ||
-- 16-byte tag) under the key-encryption key of version key_version, with the access key id as additional
-- authenticated data, so a ciphertext copied onto another row does not decrypt.

CREATE TABLE access_key (
    id                 uuid PRIMARY KEY,
    grant_id           uuid          NOT NULL REFERENCES access_grant (id),
    organization_id    uuid          NOT NULL REFERENCES organization (id),
    access_key_id      varchar(20)   NOT NULL CHECK (access_key_id ~ '^LG[A-Z0-9]{18}$'),
    secret_ciphertext  bytea         NOT NULL CHECK (octet_length(secret_ciphertext) = 12 + 40 + 16),
    key_version        integer       NOT NULL CHECK (key_version > 0),
    created_at         timestamptz   NOT NULL,
    created_by         varchar(255)  NOT NULL,
    revoked_at         timestamptz,
    revoked_by         varchar(255),
    CONSTRAINT access_key_access_key_id_key UNIQUE (access_key_id),
    CONSTRAINT access_key_revocation_complete CHECK ((revoked_at IS NULL) = (revoked_by IS NULL))
);
CREATE INDEX access_key_grant_idx ON access_key (grant_id);
