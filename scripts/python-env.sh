#!/usr/bin/env bash
# Creates (or refreshes) the project's private Python environment in .venv from
# scripts/requirements.txt, and prints the path of its python. Nothing is installed system-wide.
# `scripts/python-env.sh spark` also installs scripts/requirements-spark.txt (PySpark, large).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
venv="$root/.venv"
requirements="$root/scripts/requirements.txt"
stamp="$venv/.requirements.sha"
want=$(sha256sum "$requirements" | cut -d' ' -f1)
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv" >&2
fi
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$requirements" >&2
    echo "$want" > "$stamp"
fi
if [ "${1:-}" = spark ]; then
    spark_requirements="$root/scripts/requirements-spark.txt"
    spark_stamp="$venv/.requirements-spark.sha"
    spark_want=$(sha256sum "$spark_requirements" | cut -d' ' -f1)
    if [ ! -f "$spark_stamp" ] || [ "$(cat "$spark_stamp")" != "$spark_want" ]; then
        "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$spark_requirements" >&2
        echo "$spark_want" > "$spark_stamp"
    fi
fi
echo "$venv/bin/python"
