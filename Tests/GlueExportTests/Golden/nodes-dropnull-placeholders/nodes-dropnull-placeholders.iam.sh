#!/usr/bin/env bash
# The IAM role of Glue job nodes-dropnull-placeholders, exported by localglue 0.1.0 from the lake's IAM state: the trust
# policy, inline policies, managed policies and permissions boundary the job was tested with, documents unchanged.
# Run with AWS credentials allowed to create roles and policies. ACCOUNT_ID defaults to the caller's account.
set -euo pipefail
ACCOUNT_ID="${ACCOUNT_ID:-$(aws sts get-caller-identity --query Account --output text)}"

# Customer managed policy glue-job-data
aws iam create-policy --policy-name 'glue-job-data' --path '/' \
    --policy-document '{
  "Version": "2012-10-17",
  "Statement": [
    {"Sid": "Read", "Effect": "Allow", "Action": ["s3:GetObject", "s3:ListBucket"], "Resource": ["arn:aws:s3:::raw", "arn:aws:s3:::raw/*"]},
    {"Sid": "Write", "Effect": "Allow", "Action": ["s3:PutObject", "s3:DeleteObject"], "Resource": "arn:aws:s3:::curated/*",
     "Condition": {"StringEquals": {"s3:x-amz-server-side-encryption": "AES256"}}}
  ]
}'

# Customer managed policy glue-job-boundary
aws iam create-policy --policy-name 'glue-job-boundary' --path '/boundaries/' --description 'At most S3, Glue and logs' \
    --policy-document '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["s3:*", "glue:*", "logs:*"], "Resource": "*"}]}'

# The role and its trust policy
aws iam create-role --role-name 'GlueJobRole' --path '/service-role/' --description 'Role of the per-node test jobs (it'"'"'s quoted)' --max-session-duration 7200 \
    --permissions-boundary "arn:aws:iam::${ACCOUNT_ID}:policy/boundaries/glue-job-boundary" \
    --assume-role-policy-document '{
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Principal": {
                "Service": "glue.amazonaws.com"
            },
            "Action": "sts:AssumeRole"
        }
    ]
}
'

# Inline policy catalog
aws iam put-role-policy --role-name 'GlueJobRole' --policy-name 'catalog' \
    --policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["glue:Get*","glue:BatchCreatePartition"],"Resource":"*"}]}'

aws iam attach-role-policy --role-name 'GlueJobRole' --policy-arn "arn:aws:iam::${ACCOUNT_ID}:policy/glue-job-data"
aws iam attach-role-policy --role-name 'GlueJobRole' --policy-arn 'arn:aws:iam::aws:policy/service-role/AWSGlueServiceRole'
