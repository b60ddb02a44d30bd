#!/bin/sh
# One-shot MinIO setup for the compose deployment; safe to run again.
# LabGate gets its own account (LABGATE_S3_ACCESS_KEY / LABGATE_S3_SECRET_KEY), never the root account.
set -eu
mc alias set lab http://minio:9000 "$MINIO_ROOT_USER" "$MINIO_ROOT_PASSWORD"
for b in labgate-raw labgate-processed labgate-sandbox labgate-archive; do
  mc mb --ignore-existing "lab/$b"
done
cat > /tmp/labgate-policy.json <<'JSON'
{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": ["s3:ListAllMyBuckets", "s3:CreateBucket", "s3:GetBucketLocation"],
      "Resource": ["arn:aws:s3:::*"] },
    { "Effect": "Allow", "Action": ["s3:ListBucket", "s3:GetObject", "s3:PutObject"],
      "Resource": ["arn:aws:s3:::labgate-*", "arn:aws:s3:::labgate-*/*"] }
  ]
}
JSON
mc admin user add lab "$LABGATE_S3_ACCESS_KEY" "$LABGATE_S3_SECRET_KEY"
mc admin policy create lab labgate-service /tmp/labgate-policy.json
mc admin policy attach lab labgate-service --user "$LABGATE_S3_ACCESS_KEY" || true  # already attached on a re-run
echo "minio-init: buckets and the LabGate account are ready"
