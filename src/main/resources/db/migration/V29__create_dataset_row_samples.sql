-- Rows sampled from a version's text objects when its manifest is built (issue 14, export review): only their
-- SHA-256 (catalogue.api.DatasetRows.hash: the line without line end and surrounding blanks), up to a few hundred
-- per object, so that an export can be checked for rows copied verbatim without LabGate keeping any data.
-- Replaced with the manifest while the version is a DRAFT, like dataset_object.
CREATE TABLE dataset_row_sample (
    version_id  uuid      NOT NULL REFERENCES dataset_version (id) ON DELETE CASCADE,
    row_sha256  char(64)  NOT NULL CHECK (row_sha256 ~ '^[0-9a-f]{64}$'),
    PRIMARY KEY (version_id, row_sha256)
);

DO $grants$
BEGIN
    IF '${runtime_role}' <> current_user THEN
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON dataset_row_sample TO %I', '${runtime_role}');
    END IF;
END
$grants$;
