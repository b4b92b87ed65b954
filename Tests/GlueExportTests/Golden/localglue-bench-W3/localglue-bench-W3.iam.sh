#!/usr/bin/env bash
# The IAM role of Glue job localglue-bench-W3, exported by localglue 0.1.0 from the lake's IAM state: the trust
# policy, inline policies, managed policies and permissions boundary the job was tested with, documents unchanged.
# Run with AWS credentials allowed to create roles and policies. ACCOUNT_ID defaults to the caller's account.
set -euo pipefail
ACCOUNT_ID="${ACCOUNT_ID:-$(aws sts get-caller-identity --query Account --output text)}"

# The role and its trust policy
aws iam create-role --role-name 'localglue-bench-role' --path '/' \
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
}'

# Inline policy s3-access
aws iam put-role-policy --role-name 'localglue-bench-role' --policy-name 's3-access' \
    --policy-document '{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "ReadInputs",
      "Effect": "Allow",
      "Action": [
        "s3:GetObject",
        "s3:ListBucket"
      ],
      "Resource": [
        "arn:aws:s3:::localglue-bench",
        "arn:aws:s3:::localglue-bench/input/*"
      ]
    },
    {
      "Sid": "WriteOutputs",
      "Effect": "Allow",
      "Action": [
        "s3:PutObject",
        "s3:DeleteObject",
        "s3:GetObject"
      ],
      "Resource": [
        "arn:aws:s3:::localglue-bench/output/*"
      ]
    }
  ]
}'

