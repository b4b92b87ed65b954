#!/usr/bin/env bash
# W1 of performance-anchors.md, paired against DuckDB (A B A B): a full typed parse of the events
# CSV with the explicit schema, 2 workers / 2 threads. 1 warm-up each, then RUNS counted runs;
# prints medians of wall seconds and peak RSS (/usr/bin/time), and the median paired ratio
# LocalGlue / DuckDB (below 0.5 = at least 2x DuckDB's speed).
#
# Usage: Benchmarks/scripts/run-csv-bench.sh [RUNS] [ROWS]   (needs the .venv and a release build:
#        swift build -c release --package-path Benchmarks --product W1CSV)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
root=$(cd "$here/.." && pwd)
python=${LOCALGLUE_PYTHON:-$root/.venv/bin/python}
runs=${1:-5}
rows=${2:-1000000}
bench="$here/.build/release/W1CSV"
data="$here/data"
file="$data/events_$rows.csv"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$data"
[ -f "$file" ] || python3 "$here/generate_events.py" "$rows" "$file"

measure() {  # prints "seconds kilobytes"
    /usr/bin/time -f "%e %M" -o "$scratch/time" "$@" > "$scratch/out"
    cat "$scratch/time"
}
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

swift_cmd=("$bench" "$file" 2)
duck_cmd=("$python" "$here/scripts/w1-duckdb.py" "$file")
"${swift_cmd[@]}"
"${duck_cmd[@]}"
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
printf "W1 %s rows: LocalGlue %6ss %6d MiB | DuckDB %6ss %6d MiB | paired ratio %s (runs: %s)\n" \
    "$rows" "$sw" $((sm / 1024)) "$dw" $((dm / 1024)) "$ratio" "$(tr '\n' ' ' < "$scratch/ratio")"
