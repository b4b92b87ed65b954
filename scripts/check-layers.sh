#!/usr/bin/env bash
# Fails when a target under Sources/ imports a project target at its own level or a higher one.
# Levels live in scripts/layers.txt (see ARCHITECTURE.md). Usage: check-layers.sh [SOURCES_DIR]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
sources=${1:-$root/Sources}
declare -A level
while read -r name value _; do
    [[ -z "$name" || "$name" == \#* ]] && continue
    level[$name]=$value
done < "$root/scripts/layers.txt"

status=0
for dir in "$sources"/*/; do
    target=$(basename "$dir")
    if [[ -z "${level[$target]+set}" ]]; then
        echo "check-layers: target $target has no level in scripts/layers.txt" >&2
        status=1
        continue
    fi
    mine=${level[$target]}
    while IFS=: read -r file line text; do
        imported=$(sed -E 's/^[[:space:]]*(@[A-Za-z_]+(\([^)]*\))?[[:space:]]+)*import[[:space:]]+(class |struct |enum |func |protocol |typealias |var |let )?([A-Za-z_][A-Za-z0-9_]*).*/\4/' <<< "$text")
        [[ -z "${level[$imported]+set}" ]] && continue
        if (( ${level[$imported]} >= mine )); then
            echo "check-layers: ${file#"$root"/}:$line: $target (level $mine) imports $imported (level ${level[$imported]})" >&2
            status=1
        fi
    done < <(grep -rnE '^[[:space:]]*(@[A-Za-z_]+(\([^)]*\))?[[:space:]]+)*import[[:space:]]' --include='*.swift' "$dir" || true)
done
if (( status == 0 )); then echo "check-layers: every import points down"; fi
exit $status
