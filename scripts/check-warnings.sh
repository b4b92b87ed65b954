#!/usr/bin/env bash
# Fails when a build log holds a compiler warning about the project's own code (Sources/, Tests/).
set -euo pipefail
log=$1
root=$(cd "$(dirname "$0")/.." && pwd)
if grep -E "^$root/(Sources|Tests)/[^:]+:[0-9]+:[0-9]+: warning:" "$log"; then
    echo "check-warnings: the build has warnings in the project's own code (above)" >&2
    exit 1
fi
echo "check-warnings: no warnings in project code"
