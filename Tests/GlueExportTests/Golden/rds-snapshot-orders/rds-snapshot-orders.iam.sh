#!/usr/bin/env bash
# The IAM role of Glue job rds-snapshot-orders, exported by localglue 0.1.0 from the lake's IAM state: the trust
# policy, inline policies, managed policies and permissions boundary the job was tested with, documents unchanged.
# Run with AWS credentials allowed to create roles and policies. ACCOUNT_ID defaults to the caller's account.
set -euo pipefail
ACCOUNT_ID="${ACCOUNT_ID:-$(aws sts get-caller-identity --query Account --output text)}"

# The role and its trust policy
aws iam create-role --role-name 'data-lake-test-job-role' --path '/' \
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

# Inline policy kms-decrypt
aws iam put-role-policy --role-name 'data-lake-test-job-role' --policy-name 'kms-decrypt' \
    --policy-document '{
    "Version": "2012-10-17",
    "Statement": [
        {
            "Sid": "DecryptSnapshotExport",
            "Effect": "Allow",
            "Action": [
                "kms:Decrypt",
                "kms:DescribeKey"
            ],
            "Resource": "arn:aws:kms:*:123456789012:key/*"
        }
    ]
}
'

# Inline policy s3-access
aws iam put-role-policy --role-name 'data-lake-test-job-role' --policy-name 's3-access' \
    --policy-document '{
    "Version": "2012-10-17",
    "Statement": [
        {
            "Sid": "ReadSnapshotExport",
            "Effect": "Allow",
            "Action": [
                "s3:GetObject",
                "s3:ListBucket"
            ],
            "Resource": [
                "arn:aws:s3:::data-lake-snapshot-rds-test-s3",
                "arn:aws:s3:::data-lake-snapshot-rds-test-s3/*"
            ]
        },
        {
            "Sid": "ListTarget",
            "Effect": "Allow",
            "Action": [
                "s3:ListBucket"
            ],
            "Resource": [
                "arn:aws:s3:::data-lake-test-target-s3"
            ]
        },
        {
            "Sid": "WriteTarget",
            "Effect": "Allow",
            "Action": [
                "s3:GetObject",
                "s3:PutObject"
            ],
            "Resource": [
                "arn:aws:s3:::data-lake-test-target-s3/*"
            ]
        }
    ]
}
'

aws iam attach-role-policy --role-name 'data-lake-test-job-role' --policy-arn 'arn:aws:iam::aws:policy/service-role/AWSGlueServiceRole'
