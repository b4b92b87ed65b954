#!/usr/bin/env bash
# `make run`: the sample lake's demo, run with the release binary.
# Usage: demo.sh LOCALGLUE_BINARY LAKE_DIR
set -euo pipefail
localglue=$1
lake=$2
root=$(cd "$(dirname "$0")/.." && pwd)
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

rm -rf "$lake"
step "Create the lake at $lake"
"$localglue" --lake "$lake" init
