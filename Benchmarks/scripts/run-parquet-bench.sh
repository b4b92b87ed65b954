#!/usr/bin/env bash
# Paired runs of the Parquet benchmarks against DuckDB (performance-anchors.md rules): for each
# workload, 1 warm-up of each engine, then RUNS counted runs alternating LocalGlue / DuckDB; prints
# medians of wall seconds and peak RSS, and the ratio LocalGlue / DuckDB.
#
# Usage: Benchmarks/scripts/run-parquet-bench.sh [RUNS]   (needs the .venv and a release build:
#        swift build -c release --package-path Benchmarks --product ParquetBench)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
root=$(cd "$here/.." && pwd)
python=${LOCALGLUE_PYTHON:-$root/.venv/bin/python}
runs=${1:-3}
bench="$here/.build/release/ParquetBench"
data="$here/data"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$data"
[ -f "$data/events_1m.parquet" ] || "$python" "$here/scripts/make-events-parquet.py" "$data/events_1m.parquet"

measure() {  # prints "seconds kilobytes"
    /usr/bin/time -f "%e %M" -o "$scratch/time" "$@" > /dev/null
    cat "$scratch/time"
}
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

for workload in scan w4; do
    if [ "$workload" = scan ]; then
        swift_cmd=("$bench" scan "$data/events_1m.parquet")
        duck_cmd=("$python" "$here/scripts/parquet-duckdb.py" scan "$data/events_1m.parquet")
    else
        swift_cmd=("$bench" w4 "$data/events_1m.parquet" "$scratch/w4-swift.parquet")
        duck_cmd=("$python" "$here/scripts/parquet-duckdb.py" w4 "$data/events_1m.parquet" "$scratch/w4-duck.parquet")
    fi
    measure "${swift_cmd[@]}" > /dev/null
    measure "${duck_cmd[@]}" > /dev/null
    : > "$scratch/swift"; : > "$scratch/duck"; : > "$scratch/ratio"
    for _ in $(seq "$runs"); do
        s=$(measure "${swift_cmd[@]}"); d=$(measure "${duck_cmd[@]}")
        echo "$s" >> "$scratch/swift"; echo "$d" >> "$scratch/duck"
        awk -v a="${s% *}" -v b="${d% *}" 'BEGIN { printf "%.3f\n", a / b }' >> "$scratch/ratio"
    done
    sw=$(cut -d' ' -f1 "$scratch/swift" | median); sm=$(cut -d' ' -f2 "$scratch/swift" | median)
    dw=$(cut -d' ' -f1 "$scratch/duck" | median); dm=$(cut -d' ' -f2 "$scratch/duck" | median)
    ratio=$(median < "$scratch/ratio")
    printf "%-5s LocalGlue %6ss %6d MiB | DuckDB %6ss %6d MiB | paired ratio %s\n" "$workload" "$sw" $((sm / 1024)) "$dw" $((dm / 1024)) "$ratio"
done
