#!/usr/bin/env bash
# Start-up of `localglue run` on a trivial one-file job: process start to exit, in milliseconds.
#
# Builds a throw-away lake (one bucket, a 3-row CSV, a role), runs the job once to warm the file
# cache, then N more times, and prints the minimum, median and maximum wall time. Uses hyperfine
# when it is installed.
#
# Usage: startup-bench.sh LOCALGLUE_BINARY [RUNS]
set -euo pipefail
localglue=$1
runs=${2:-30}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
lake="$work/lake"
lg() { "$localglue" --lake "$lake" "$@"; }
lg init >/dev/null
lg s3 mb s3://startup-in >/dev/null
lg s3 mb s3://startup-out >/dev/null
printf 'id,name\n1,a\n2,b\n3,c\n' > "$work/one.csv"
lg s3 cp "$work/one.csv" s3://startup-in/one.csv >/dev/null
lg iam create-role --role-name job-role --assume-role-policy-document \
    '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"glue.amazonaws.com"},"Action":"sts:AssumeRole"}]}' >/dev/null
lg iam put-role-policy --role-name job-role --policy-name s3 --policy-document \
    '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}'
cat > "$work/job.json" <<'JOB'
{"Name": "startup", "Role": "job-role", "Command": {"Name": "glueetl"}, "CodeGenConfigurationNodes": {
  "in": {"S3CsvSource": {"Name": "In", "Paths": ["s3://startup-in/one.csv"], "Separator": "comma", "QuoteChar": "quote", "WithHeader": true}},
  "out": {"S3DirectTarget": {"Name": "Out", "Inputs": ["in"], "Path": "s3://startup-out/x/", "Format": "json"}}}}
JOB
lg run "$work/job.json" >/dev/null 2>&1
if command -v hyperfine >/dev/null; then
    hyperfine --warmup 3 --runs "$runs" "$localglue --lake $lake run $work/job.json"
    exit 0
fi
times=()
for _ in $(seq "$runs"); do
    start=$(date +%s%N)
    lg run "$work/job.json" >/dev/null 2>&1
    end=$(date +%s%N)
    times+=($(( (end - start) / 1000 )))
done
printf '%s\n' "${times[@]}" | sort -n | awk -v runs="$runs" '
    { t[NR] = $1 }
    END { printf "localglue run (one-file job), %d runs: min %.1f ms, median %.1f ms, max %.1f ms\n", runs, t[1] / 1000, t[int((NR + 1) / 2)] / 1000, t[NR] / 1000 }'
