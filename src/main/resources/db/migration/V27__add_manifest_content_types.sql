-- The manifest keeps what the store says of each object when it is built: its Content-Type and its last
-- modification, which the S3 endpoint answers (Content-Type, Last-Modified, conditional requests) instead of
-- application/octet-stream and the version's publication time. Manifests built before keep NULL and are answered as
-- before; a published manifest never changes (dataset_object_frozen), so they are not back-filled.
ALTER TABLE dataset_object
    ADD COLUMN content_type varchar(255) CHECK (content_type IS NULL OR content_type ~ '^[^[:cntrl:]]+$'),
    ADD COLUMN last_modified timestamptz;
