-- A policy's export and end-of-use terms (issue 14): what an export of results or models may hold, how many
-- independent approvals it needs, how long an approved one can be downloaded, and within how many days of a
-- grant's end its company attests that its copies are destroyed. Existing versions, locked ones included, get the
-- defaults: ADD COLUMN ... DEFAULT writes no row, so the lock trigger is not involved.
ALTER TABLE security_policy
    ADD COLUMN export_approvals     integer NOT NULL DEFAULT 2 CHECK (export_approvals BETWEEN 1 AND 10),
    ADD COLUMN export_max_files     integer NOT NULL DEFAULT 1000 CHECK (export_max_files BETWEEN 1 AND 100000),
    ADD COLUMN export_max_bytes     bigint  NOT NULL DEFAULT 21474836480
        CHECK (export_max_bytes BETWEEN 1 AND 1125899906842624),
    ADD COLUMN export_file_types    text[]  NOT NULL DEFAULT ARRAY[
        'bin', 'ckpt', 'csv', 'gguf', 'gz', 'jpeg', 'jpg', 'json', 'log', 'md', 'onnx', 'parquet', 'pdf', 'png',
        'pt', 'pth', 'safetensors', 'svg', 'tar', 'tgz', 'tsv', 'txt', 'yaml', 'yml', 'zip']::text[]
        CHECK (cardinality(export_file_types) BETWEEN 1 AND 100 AND array_ndims(export_file_types) = 1),
    ADD COLUMN export_release_hours integer NOT NULL DEFAULT 72 CHECK (export_release_hours BETWEEN 1 AND 720),
    ADD COLUMN attestation_days     integer NOT NULL DEFAULT 14 CHECK (attestation_days BETWEEN 1 AND 365);
