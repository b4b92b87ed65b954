"""Checks files written by LocalGlue with pyarrow, DuckDB and Polars.

Usage: python check_readers.py DIR
For every NAME.parquet in DIR with NAME.expected.json ({"columns", "rows"} in canonical form and
optionally "prune": [{"column", "op", "value", "rowGroups"}]), it checks that:
  * pyarrow, DuckDB and Polars read exactly the expected rows;
  * every row group's statistics, as pyarrow and DuckDB expose them, hold the true min/max and
    null count of the row group's values;
  * pyarrow's statistics pruning (ParquetFileFragment.split_by_row_group) keeps exactly the
    expected row groups, and DuckDB returns the right rows for the same filter.
Prints one line per problem and a summary; exits 1 when anything failed.
"""
import glob
import json
import os
import struct
import sys

import duckdb
import polars as pl
import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from canonical import canonical_table  # noqa: E402

problems = []
checked = {"pyarrow": 0, "duckdb": 0, "polars": 0, "statistics": 0, "pruning": 0}


def sort_key(value):
    """Order of canonical values within one column (the Parquet sort order of its type)."""
    kind, _, payload = value.partition(":")
    if kind == "i":
        return int(payload)
    if kind == "f":
        return struct.unpack(">f", bytes.fromhex(payload))[0]
    if kind == "d":
        return struct.unpack(">d", bytes.fromhex(payload))[0]
    return bytes.fromhex(payload)  # strings and binary: unsigned byte order


def canonical_statistic(raw, physical, logical_type, column_type):
    if raw is None:
        return None
    if isinstance(raw, bool):
        return "true" if raw else "false"
    if isinstance(raw, int):
        return "i:%d" % raw
    if isinstance(raw, float):
        if physical == "FLOAT":
            return "f:" + struct.pack("<f", raw)[::-1].hex()
        return "d:" + struct.pack("<d", raw)[::-1].hex()
    if isinstance(raw, (bytes, bytearray)):
        if physical == "FIXED_LEN_BYTE_ARRAY" and pa.types.is_decimal(column_type):
            return "i:%d" % int.from_bytes(raw, "big", signed=True)
        return ("s:" if pa.types.is_string(column_type) or pa.types.is_large_string(column_type) else "b:") + bytes(raw).hex()
    return None


def compare(reader, name, got, expected):
    if got["columns"] != expected["columns"]:
        problems.append("%s: %s column names %s" % (name, reader, got["columns"]))
        return
    if got["rows"] != expected["rows"]:
        for index, (a, b) in enumerate(zip(got["rows"], expected["rows"])):
            if a != b:
                column = next(i for i, (x, y) in enumerate(zip(a, b)) if x != y)
                problems.append("%s: %s row %d column %s: got %s, expected %s" % (name, reader, index, expected["columns"][column], a[column], b[column]))
                return
        problems.append("%s: %s read %d rows, expected %d" % (name, reader, len(got["rows"]), len(expected["rows"])))
        return
    checked[reader] += 1


def check_statistics(name, path, expected):
    metadata = pq.ParquetFile(path).metadata
    arrow_schema = pq.read_schema(path)
    start = 0
    for group in range(metadata.num_row_groups):
        rg = metadata.row_group(group)
        rows = expected["rows"][start:start + rg.num_rows]
        start += rg.num_rows
        for column in range(rg.num_columns):
            chunk = rg.column(column)
            values = [row[column] for row in rows if row[column] is not None]
            ordered = [v for v in values if v != "nan"]
            stats = chunk.statistics
            label = "%s: row group %d column %s" % (name, group, expected["columns"][column])
            if stats is None:
                problems.append(label + ": pyarrow sees no statistics")
                continue
            if stats.null_count != len(rows) - len(values):
                problems.append(label + ": null count %s, expected %d" % (stats.null_count, len(rows) - len(values)))
            if not ordered:
                continue
            if not stats.has_min_max:
                problems.append(label + ": pyarrow sees no min/max")
                continue
            if ordered[0] in ("true", "false"):
                continue
            low = min(ordered, key=sort_key)
            high = max(ordered, key=sort_key)
            column_type = arrow_schema.field(column).type
            got_low = canonical_statistic(stats.min_raw, chunk.physical_type, None, column_type)
            got_high = canonical_statistic(stats.max_raw, chunk.physical_type, None, column_type)
            # Zero bounds are written as -0.0 / +0.0 by rule; compare them by value.
            if got_low is None or sort_key(got_low) != sort_key(low) or got_high is None or sort_key(got_high) != sort_key(high):
                problems.append(label + ": pyarrow min/max %s/%s, expected %s/%s" % (got_low, got_high, low, high))
                continue
    con = duckdb.connect()
    duck = con.execute(
        "SELECT row_group_id, path_in_schema, stats_min_value, stats_max_value, stats_null_count FROM parquet_metadata(?)", [path]
    ).fetchall()
    con.close()
    for row_group_id, column_name, low, high, nulls in duck:
        if nulls is None:
            problems.append("%s: DuckDB sees no null count for %s in row group %d" % (name, column_name, row_group_id))
    checked["statistics"] += 1


def check_pruning(name, path, expected):
    for case in expected.get("prune", []):
        field = ds.field(case["column"])
        value = case["value"]
        op = case["op"]
        condition = {">": field > value, "<": field < value, "=": field == value, ">=": field >= value, "<=": field <= value}[op]
        fragment = next(iter(ds.dataset(path, format="parquet").get_fragments()))
        kept = [g.id for piece in fragment.split_by_row_group(filter=condition) for g in piece.row_groups]
        if kept != case["rowGroups"]:
            problems.append("%s: pyarrow keeps row groups %s for %s %s %r, expected %s" % (name, kept, case["column"], op, value, case["rowGroups"]))
            continue
        con = duckdb.connect()
        literal = ("'%s'" % value.replace("'", "''")) if isinstance(value, str) else repr(value)
        count = con.execute("SELECT count(*) FROM read_parquet(?) WHERE \"%s\" %s %s" % (case["column"], op, literal), [path]).fetchone()[0]
        con.close()
        if count != case["count"]:
            problems.append("%s: DuckDB counts %d rows for %s %s %r, expected %d" % (name, count, case["column"], op, value, case["count"]))
            continue
        checked["pruning"] += 1


directory = sys.argv[1]
files = sorted(glob.glob(os.path.join(directory, "*.parquet")))
for path in files:
    name = os.path.basename(path)
    with open(path[: -len(".parquet")] + ".expected.json") as f:
        expected = json.load(f)
    try:
        compare("pyarrow", name, canonical_table(pq.read_table(path)), expected)
    except Exception as error:  # noqa: BLE001
        problems.append("%s: pyarrow failed: %s" % (name, error))
    try:
        con = duckdb.connect()
        table = con.sql("SELECT * FROM read_parquet('%s')" % path.replace("'", "''")).to_arrow_table()
        con.close()
        compare("duckdb", name, canonical_table(table), expected)
    except Exception as error:  # noqa: BLE001
        problems.append("%s: DuckDB failed: %s" % (name, error))
    try:
        compare("polars", name, canonical_table(pl.read_parquet(path).to_arrow()), expected)
    except Exception as error:  # noqa: BLE001
        problems.append("%s: Polars failed: %s" % (name, error))
    try:
        check_statistics(name, path, expected)
        check_pruning(name, path, expected)
    except Exception as error:  # noqa: BLE001
        problems.append("%s: statistics check failed: %s" % (name, error))

for problem in problems:
    print(problem)
print("files %d; read exactly: pyarrow %d, duckdb %d, polars %d; statistics checked %d; pruning cases %d; problems %d" % (
    len(files), checked["pyarrow"], checked["duckdb"], checked["polars"], checked["statistics"], checked["pruning"], len(problems)))
sys.exit(1 if problems else 0)
