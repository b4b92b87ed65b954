#!/usr/bin/env bash
# Fails when a build log holds a compiler warning about the project's own code (Sources/, Tests/),
# including warnings inside macro expansions (`#expect`, ...) whose code originates there.
set -euo pipefail
log=$1
root=$(cd "$(dirname "$0")/.." && pwd)
found=0
if grep -E "^$root/(Sources|Tests)/[^:]+:[0-9]+:[0-9]+: warning:" "$log"; then
    found=1
fi
# A macro expansion's warning names the expansion; the next line says where its code comes from.
if grep -E -A1 "^macro expansion [^:]*:[0-9]+:[0-9]+: warning:" "$log" | grep -E "$root/(Sources|Tests)/[^:]+:[0-9]+:[0-9]+: note: expanded code originates here"; then
    found=1
fi
if [ "$found" = 1 ]; then
    echo "check-warnings: the build has warnings in the project's own code (above)" >&2
    exit 1
fi
echo "check-warnings: no warnings in project code"
