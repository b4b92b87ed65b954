#!/usr/bin/env bash
# W2, W3 and W4 of performance-anchors.md as Glue Studio jobs with a SparkSQL node
# (Benchmarks/workloads/W*.json), run through `localglue run` in a fresh lake, checked against
# DuckDB's result, then timed as whole processes paired against DuckDB (A B A B ...).
#
# The jobs expect this layout in the lake (the workload runner can reuse it):
#   bucket localglue-bench
#     input/csv/events.csv          the events CSV of the anchors (W2, W3)
#     input/parquet/events.parquet  the same rows as Parquet (W4; pyarrow, snappy, 262,144-row groups)
#     output/W2/ output/W3/ output/W4/   the jobs' outputs (replaced by each run)
#   role localglue-bench-role       trust policy for glue.amazonaws.com, bench-role.s3-policy.json
#
# Usage: Benchmarks/scripts/run-sql-workloads.sh [LOCALGLUE] [RUNS] [ROWS]
#        (default: .build/release/localglue, 3 counted runs, 1,000,000 rows; RUNS=0 only checks)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
root=$(cd "$here/.." && pwd)
python=${LOCALGLUE_PYTHON:-$root/.venv/bin/python}
localglue=${1:-$root/.build/release/localglue}
runs=${2:-3}
rows=${3:-1000000}
data="$here/data"
csv="$data/events_$rows.csv"
parquet="$data/events_$rows.parquet"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
lake="$scratch/lake"
mkdir -p "$data"
[ -f "$csv" ] || python3 "$here/generate_events.py" "$rows" "$csv"
[ -f "$parquet" ] || "$python" "$here/scripts/sql-workloads-duckdb.py" parquet "$csv" "$parquet"

lg() { "$localglue" --lake "$lake" "$@"; }
lg init >/dev/null
lg s3 mb s3://localglue-bench >/dev/null
mkdir -p "$lake/buckets/localglue-bench/input/csv" "$lake/buckets/localglue-bench/input/parquet"
lg s3 cp "$csv" s3://localglue-bench/input/csv/events.csv >/dev/null
lg s3 cp "$parquet" s3://localglue-bench/input/parquet/events.parquet >/dev/null
lg iam create-role --role-name localglue-bench-role \
    --assume-role-policy-document "file://$here/workloads/bench-role.trust-policy.json" >/dev/null
lg iam put-role-policy --role-name localglue-bench-role --policy-name s3-access \
    --policy-document "file://$here/workloads/bench-role.s3-policy.json"

input_of() { if [ "$1" = W4 ]; then echo "$parquet"; else echo "$csv"; fi; }
status=0
for w in W2 W3 W4; do
    lg run "$here/workloads/$w.json" --output text >/dev/null 2>"$scratch/$w.log" || { cat "$scratch/$w.log" >&2; status=1; continue; }
    "$python" "$here/scripts/sql-workloads-duckdb.py" check "$w" "$(input_of "$w")" "$lake/buckets/localglue-bench/output/$w" || status=1
done
[ "$status" = 0 ] || { echo "run-sql-workloads: a workload failed or differs from DuckDB" >&2; exit 1; }
[ "$runs" -gt 0 ] || exit 0

measure() { /usr/bin/time -f "%e %M" -o "$scratch/time" "$@" >/dev/null 2>&1; cat "$scratch/time"; }
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
printf '%-4s %10s %10s %10s %10s %8s\n' job "ours s" "ours MiB" "duckdb s" "duck MiB" ratio
for w in W2 W3 W4; do
    ours=(env LOCALGLUE_LAKE="$lake" "$localglue" run "$here/workloads/$w.json")
    out="$scratch/duck-$w"; [ "$w" = W3 ] && out="$out.csv" || out="$out.parquet"
    duck=("$python" "$here/scripts/sql-workloads-duckdb.py" run "$w" "$(input_of "$w")" "$out")
    measure "${ours[@]}" >/dev/null; measure "${duck[@]}" >/dev/null
    : > "$scratch/a"; : > "$scratch/b"; : > "$scratch/r"
    for _ in $(seq "$runs"); do
        a=$(measure "${ours[@]}"); b=$(measure "${duck[@]}")
        echo "$a" >> "$scratch/a"; echo "$b" >> "$scratch/b"
        awk -v x="${a% *}" -v y="${b% *}" 'BEGIN { printf "%.3f\n", x / y }' >> "$scratch/r"
    done
    printf '%-4s %10s %10s %10s %10s %8s\n' "$w" \
        "$(cut -d' ' -f1 "$scratch/a" | median)" "$(cut -d' ' -f2 "$scratch/a" | median | awk '{ printf "%d", $1 / 1024 }')" \
        "$(cut -d' ' -f1 "$scratch/b" | median)" "$(cut -d' ' -f2 "$scratch/b" | median | awk '{ printf "%d", $1 / 1024 }')" \
        "$(median < "$scratch/r")"
done
