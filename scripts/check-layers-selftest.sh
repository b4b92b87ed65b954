#!/usr/bin/env bash
# Proves that check-layers.sh fails on an import that points sideways or up, and passes otherwise.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/GlueColumnar" "$tmp/GlueIAM" "$tmp/GlueCore"
echo 'import GlueCore' > "$tmp/GlueColumnar/A.swift"
echo 'import Foundation' > "$tmp/GlueCore/B.swift"
bash "$root/scripts/check-layers.sh" "$tmp" >/dev/null
echo '@testable import GlueColumnar' > "$tmp/GlueIAM/C.swift"
if bash "$root/scripts/check-layers.sh" "$tmp" 2>/dev/null; then
    echo "check-layers self-test: a sibling import was not caught" >&2
    exit 1
fi
echo 'import GlueIAM' > "$tmp/GlueIAM/C.swift"
if bash "$root/scripts/check-layers.sh" "$tmp" 2>/dev/null; then
    echo "check-layers self-test: a self import was not caught" >&2
    exit 1
fi
echo "check-layers self-test: passed"
