#!/usr/bin/env bash
# The JSON Lines reader on the events file (JSON form of W1's input), paired against DuckDB's
# read_json (A B A B): a full typed parse with the explicit schema, 2 workers / 2 threads. Runs
# LocalGlue's byte-level path and its JSONValue-tree path (the reader before the byte-level path)
# in the same run. 1 warm-up each, then RUNS counted runs; prints medians of wall seconds, MB/s,
# rows/s, peak RSS, and the median paired ratio LocalGlue / DuckDB (below 1 = faster than DuckDB).
#
# Usage: Benchmarks/scripts/run-json-bench.sh [RUNS] [ROWS]   (needs the .venv and a release build:
#        swift build -c release --package-path Benchmarks --product JSONBench)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
root=$(cd "$here/.." && pwd)
python=${LOCALGLUE_PYTHON:-$root/.venv/bin/python}
runs=${1:-5}
rows=${2:-1000000}
bench="$here/.build/release/JSONBench"
data="$here/data"
csv="$data/events_$rows.csv"
file="$data/events_$rows.jsonl"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$data"
[ -f "$csv" ] || python3 "$here/generate_events.py" "$rows" "$csv"
[ -f "$file" ] || python3 "$here/scripts/make-events-jsonl.py" "$csv" "$file"
size=$(stat -c %s "$file")

measure() {  # prints "seconds kilobytes"
    /usr/bin/time -f "%e %M" -o "$scratch/time" "$@" > "$scratch/out"
    cat "$scratch/time"
}
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

bytes_cmd=("$bench" "$file" 2 bytes)
tree_cmd=("$bench" "$file" 2 tree)
duck_cmd=("$python" "$here/scripts/json-duckdb.py" "$file")
"${bytes_cmd[@]}"
"${tree_cmd[@]}"
"${duck_cmd[@]}"
for name in bytes tree duck ratio_bytes ratio_tree; do : > "$scratch/$name"; done
for _ in $(seq "$runs"); do
    b=$(measure "${bytes_cmd[@]}"); t=$(measure "${tree_cmd[@]}"); d=$(measure "${duck_cmd[@]}")
    echo "$b" >> "$scratch/bytes"; echo "$t" >> "$scratch/tree"; echo "$d" >> "$scratch/duck"
    awk -v a="${b% *}" -v c="${d% *}" 'BEGIN { printf "%.3f\n", a / c }' >> "$scratch/ratio_bytes"
    awk -v a="${t% *}" -v c="${d% *}" 'BEGIN { printf "%.3f\n", a / c }' >> "$scratch/ratio_tree"
done
report() {  # name file ratio-file
    local w m
    w=$(cut -d' ' -f1 "$2" | median); m=$(cut -d' ' -f2 "$2" | median)
    awk -v n="$1" -v w="$w" -v m="$m" -v s="$size" -v r="$rows" -v q="$3" 'BEGIN {
        printf "%-22s %6.2fs %8.1f MB/s %12.0f rows/s %6d MiB %s\n", n, w, s / w / 1e6, r / w, m / 1024, q }'
}
echo "JSON Lines $rows rows, $(awk -v s="$size" 'BEGIN { printf "%.1f", s / 1e6 }') MB, 2 workers, median of $runs runs"
report "LocalGlue byte path" "$scratch/bytes" "x DuckDB $(median < "$scratch/ratio_bytes") (runs: $(tr '\n' ' ' < "$scratch/ratio_bytes"))"
report "LocalGlue tree path" "$scratch/tree" "x DuckDB $(median < "$scratch/ratio_tree")"
report "DuckDB read_json" "$scratch/duck" ""
