#!/usr/bin/env bash
# `make run`: the sample lake of the design documents, with the release binary.
#
# 1. a lake with the documents' buckets (an RDS snapshot export, CSV files, a target bucket, the
#    SageMaker buckets), the Data Catalog of Catalog/, and roles;
# 2. the job `rds-snapshot-orders` runs as data-lake-test-job-role with the S3 policy exactly as the
#    documents wrote it: the write to the target is denied with AWS's message, because the target
#    ARN misses a colon -- and Access Analyzer's validate-policy points at that ARN;
# 3. the corrected policy: the same job succeeds; the output files are listed, and the partitions
#    its S3CatalogTarget registered in data_lake_target.orders_by_country once they were published;
# 4. the engineer role may read sagemaker-rawdata but not write it.
# 5. a crawler, as a role Glue may assume, catalogs s3://sagemaker-rawdata/raw/events/ into `crawled`.
#
# Usage: demo.sh LOCALGLUE_BINARY LAKE_DIR
set -uo pipefail
localglue=$1
lake=$2
root=$(cd "$(dirname "$0")/.." && pwd)
iam="$root/SampleData/iam"
lg() { "$localglue" --lake "$lake" "$@"; }
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
fail() { echo "demo: $*" >&2; exit 1; }

rm -rf "$lake"
step "Create the lake at $lake"
lg init || fail "init failed"

step "Buckets of the design documents, filled from SampleData/buckets"
for bucket in data-lake-snapshot-rds-test-s3 data-lake-test-target-s3 sagemaker-rawdata sagemaker-result; do
    lg s3 mb "s3://$bucket" || fail "mb $bucket failed"
    if [ -d "$root/SampleData/buckets/$bucket" ]; then
        lg s3 cp "$root/SampleData/buckets/$bucket" "s3://$bucket/" --recursive >/dev/null || fail "upload to $bucket failed"
    fi
done
lg s3 ls s3://data-lake-snapshot-rds-test-s3 --recursive

step "The Data Catalog of Catalog/ (databases and tables in Glue's JSON)"
lg glue import-catalog "$root/Catalog" --output text >/dev/null || fail "import-catalog failed"
lg glue get-tables --database-name data_lake_target --output table

step "Role data-lake-test-job-role: trust policy for glue.amazonaws.com, AWSGlueServiceRole, the S3 and KMS policies as written"
lg iam create-role --role-name data-lake-test-job-role \
    --assume-role-policy-document "file://$iam/data-lake-test-job-role.trust-policy.json" >/dev/null || fail "create-role failed"
lg iam attach-role-policy --role-name data-lake-test-job-role \
    --policy-arn arn:aws:iam::aws:policy/service-role/AWSGlueServiceRole || fail "attach-role-policy failed"
lg iam put-role-policy --role-name data-lake-test-job-role --policy-name s3-access \
    --policy-document "file://$iam/data-lake-test-job-role.s3-policy.json" || fail "put-role-policy failed"
lg iam put-role-policy --role-name data-lake-test-job-role --policy-name kms-decrypt \
    --policy-document "file://$iam/data-lake-test-job-role.kms-policy.json" || fail "put-role-policy failed"

step "Run the job with the policy as the documents wrote it (expected: AccessDenied on the write)"
if lg run "$root/SampleData/jobs/rds-snapshot-orders.json" >/dev/null; then
    fail "the run succeeded, but the documents' policy cannot allow the write"
fi
echo "Nothing was written to the target, and the catalog table has no partitions:"
lg s3 ls s3://data-lake-test-target-s3 --recursive
lg glue get-partitions --database-name data_lake_target --table-name orders_by_country --output text

step "Access Analyzer's validate-policy on that policy points at the malformed target ARN"
lg accessanalyzer validate-policy --policy-type IDENTITY_POLICY \
    --policy-document "file://$iam/data-lake-test-job-role.s3-policy.json" --output table

step "Put the corrected policy and run the same job again (expected: SUCCEEDED)"
lg iam put-role-policy --role-name data-lake-test-job-role --policy-name s3-access \
    --policy-document "file://$iam/data-lake-test-job-role.s3-policy.corrected.json" || fail "put-role-policy failed"
lg run "$root/SampleData/jobs/rds-snapshot-orders.json" --output text >/dev/null || fail "the corrected run failed"
echo "The output, partitioned by country:"
lg s3 ls s3://data-lake-test-target-s3/orders_by_country/ --recursive
echo "The partitions the run registered in data_lake_target.orders_by_country after its output was published:"
lg glue get-partitions --database-name data_lake_target --table-name orders_by_country --output text \
    | awk -F'\t' '$1 == "STORAGEDESCRIPTOR" { location = $4 } $1 == "VALUES" { print "  Values: [" $2 "]  Location: " location }'
lg glue get-job-runs --job-name rds-snapshot-orders --output table --max-results 2

step "The engineer role may read sagemaker-rawdata but not write it"
lg iam create-role --role-name data-engineer \
    --assume-role-policy-document "file://$iam/data-engineer.trust-policy.json" >/dev/null || fail "create-role failed"
lg iam put-role-policy --role-name data-engineer --policy-name data-access \
    --policy-document "file://$iam/data-engineer.policy.json" || fail "put-role-policy failed"
lg --as-role data-engineer s3 ls s3://sagemaker-rawdata --recursive
echo "event_id,customer_id" > "$lake/new-events.csv"
if lg --as-role data-engineer s3 cp "$lake/new-events.csv" s3://sagemaker-rawdata/raw/new-events.csv; then
    fail "the engineer could write the read-only raw bucket"
fi
lg --as-role data-engineer s3 cp "$lake/new-events.csv" s3://sagemaker-result/new-events.csv || fail "the engineer could not write results"

step "Crawler raw-events, as a role Glue may assume that reads sagemaker-rawdata, catalogs the raw events"
lg iam create-role --role-name sagemaker-crawler \
    --assume-role-policy-document "file://$iam/data-lake-test-job-role.trust-policy.json" >/dev/null || fail "create-role failed"
lg iam put-role-policy --role-name sagemaker-crawler --policy-name crawl --policy-document \
    '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["s3:GetObject", "s3:ListBucket"], "Resource": ["arn:aws:s3:::sagemaker-rawdata", "arn:aws:s3:::sagemaker-rawdata/*"]}, {"Effect": "Allow", "Action": "glue:*", "Resource": "*"}]}' \
    || fail "put-role-policy failed"
lg glue create-database --database-input '{"Name": "crawled"}' || fail "create-database failed"
lg glue create-crawler --name raw-events --role sagemaker-crawler --database-name crawled \
    --targets '{"S3Targets": [{"Path": "s3://sagemaker-rawdata/raw/events/"}]}' || fail "create-crawler failed"
lg glue start-crawler --name raw-events || fail "start-crawler failed"
lg glue get-crawler --name raw-events | grep -E '"(State|Status)"'
echo "Table crawled.events, partitioned by partition_0/1/2 (folders without key=):"
lg glue get-partitions --database-name crawled --table-name events --output text | grep -E "^VALUES"

step "Done: the lake is at $lake (try: localglue --lake $lake glue get-jobs)"
