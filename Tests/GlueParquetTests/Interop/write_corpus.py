"""Writes Parquet files with pyarrow, DuckDB and Polars (defaults and common non-default
settings) plus, for each, the values pyarrow reads from it in canonical form.

Usage: python write_corpus.py OUTPUT_DIR
For every NAME.parquet it writes NAME.expected.json; LocalGlue's reader must produce exactly those
rows. INT96 files are read with coerce_int96_timestamp_unit='us' (Spark's wrapping microsecond
rule; pyarrow's default nanosecond reading wraps for extreme dates).
"""
import datetime
import decimal
import json
import os
import sys

import duckdb
import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from canonical import canonical_table  # noqa: E402

out = sys.argv[1]
os.makedirs(out, exist_ok=True)
N = 1000


def base_table(n=N):
    k = list(range(n))
    epoch = datetime.datetime(2020, 1, 1)
    ts = [epoch + datetime.timedelta(seconds=i * 3600.123) for i in k]
    return pa.table({
        "i32": pa.array([i * 7 - 3000 for i in k], pa.int32()),
        "i64": pa.array([i * 1_000_000_007 for i in k], pa.int64()),
        "f64": pa.array([i * 1.1 - 100 for i in k], pa.float64()),
        "f32": pa.array([i * 0.25 for i in k], pa.float32()),
        "b": pa.array([i % 3 == 0 for i in k], pa.bool_()),
        "s_null": pa.array([None if i % 5 == 0 else "str_%05d" % i for i in k], pa.string()),
        "d": pa.array([datetime.date(2020, 1, 1) + datetime.timedelta(days=i) for i in k], pa.date32()),
        "ts_ms": pa.array(ts, pa.timestamp("ms")),
        "ts_us": pa.array(ts, pa.timestamp("us")),
        "ts_ns": pa.array(ts, pa.timestamp("ns")),
        "ts_ms_tz": pa.array(ts, pa.timestamp("ms", tz="UTC")),
        "ts_us_tz": pa.array(ts, pa.timestamp("us", tz="UTC")),
        "ts_ns_tz": pa.array(ts, pa.timestamp("ns", tz="UTC")),
        "dec": pa.array([decimal.Decimal(i * 125) / 100 for i in k], pa.decimal128(10, 2)),
        "cat": pa.array([["red", "green", "blue", "yellow"][i % 4] for i in k], pa.string()),
        "i8": pa.array([(i % 256) - 128 for i in k], pa.int8()),
        "i16": pa.array([i * 31 - 15000 for i in k], pa.int16()),
        "u8": pa.array([i % 256 for i in k], pa.uint8()),
        "u32": pa.array([4_000_000_000 - i for i in k], pa.uint32()),
        "u64": pa.array([18_000_000_000_000_000_000 - i for i in k], pa.uint64()),
        "bin": pa.array([bytes([i % 256, 0, 255]) for i in k], pa.binary()),
    })


def edge_table():
    values = ["", "a", "é", "日本語", "\U0001F600", "z" * 300, None, "ÿ", "A", "ab\x00c"]
    n = len(values)
    return pa.table({
        "s": pa.array(values, pa.string()),
        "nan": pa.array([float("nan"), 1.5, -0.0, 0.0, float("inf"), float("-inf"), None, 2.0, -3.0, 1e308], pa.float64()),
        "nan32": pa.array([1.0, float("nan"), None, -0.0, 3.5, 1e38, -1e-38, 0.0, 2.0, 7.0], pa.float32()),
        "dec9": pa.array([decimal.Decimal("9999999.99"), decimal.Decimal("-9999999.99"), None] + [decimal.Decimal(i) / 100 for i in range(n - 3)], pa.decimal128(9, 2)),
        "dec18": pa.array([decimal.Decimal("999999999999999999"), decimal.Decimal("-999999999999999999"), None] + [decimal.Decimal(i) for i in range(n - 3)], pa.decimal128(18, 0)),
        "dec38": pa.array([decimal.Decimal("9" * 28 + "." + "9" * 10), decimal.Decimal("-" + "9" * 28 + "." + "9" * 10), None] + [(decimal.Decimal(i) / 7).quantize(decimal.Decimal("1e-10")) for i in range(n - 3)], pa.decimal128(38, 10)),
        "ts_extreme": pa.array([datetime.datetime(1, 1, 1), datetime.datetime(9999, 12, 31, 23, 59, 59, 999999), datetime.datetime(1969, 12, 31, 23, 59, 59, 999999), None,
                                datetime.datetime(1970, 1, 1), datetime.datetime(1677, 9, 22), datetime.datetime(2262, 4, 11), datetime.datetime(1900, 1, 1), datetime.datetime(2100, 1, 1), datetime.datetime(2000, 2, 29)], pa.timestamp("us")),
        "date_extreme": pa.array([datetime.date(1, 1, 1), datetime.date(9999, 12, 31), None, datetime.date(1970, 1, 1), datetime.date(1969, 12, 31)] + [datetime.date(2000, 1, i + 1) for i in range(n - 5)], pa.date32()),
        "i64_extreme": pa.array([-(2**63), 2**63 - 1, 0, None, -1, 1, 2**31, -(2**31) - 1, 42, 7], pa.int64()),
    })


def write_expected(path, int96=False):
    table = pq.read_table(path, coerce_int96_timestamp_unit="us" if int96 else None)
    with open(path[: -len(".parquet")] + ".expected.json", "w") as f:
        json.dump(canonical_table(table), f)


def pyarrow_file(name, table, int96=False, **options):
    path = os.path.join(out, name + ".parquet")
    pq.write_table(table, path, **options)
    write_expected(path, int96=int96)


def duckdb_file(name, table, options=""):
    path = os.path.join(out, name + ".parquet")
    con = duckdb.connect()
    con.register("t", table)
    con.execute("COPY (SELECT * FROM t) TO '%s' (FORMAT parquet%s)" % (path, options))
    con.close()
    write_expected(path)


def polars_file(name, table, **options):
    path = os.path.join(out, name + ".parquet")
    pl.from_arrow(table).write_parquet(path, **options)
    write_expected(path)


base = base_table()
edge = edge_table()
no_unsigned = base.drop_columns(["u8", "u32", "u64"])
all_null = pa.table({
    "i": pa.array([None] * 50, pa.int64()),
    "s": pa.array([None] * 50, pa.string()),
    "d": pa.array([None] * 50, pa.float64()),
    "b": pa.array([None] * 50, pa.bool_()),
})
empty = base.slice(0, 0)
big = pa.table({
    "id": pa.array(range(120_000), pa.int64()),
    "u": pa.array(["value-%07d" % ((i * 7919) % 120_000) for i in range(120_000)], pa.string()),
    "low": pa.array([["a", "bb", "ccc"][i % 3] for i in range(120_000)], pa.string()),
})

# pyarrow: defaults and variants
pyarrow_file("pyarrow_default", base)
pyarrow_file("pyarrow_edge", edge)
pyarrow_file("pyarrow_v2_pages", base, data_page_version="2.0")
pyarrow_file("pyarrow_v2_pages_edge", edge, data_page_version="2.0")
pyarrow_file("pyarrow_version_1_0", no_unsigned, version="1.0")
pyarrow_file("pyarrow_zstd", base, compression="zstd")
pyarrow_file("pyarrow_gzip", base, compression="gzip")
pyarrow_file("pyarrow_lz4", base, compression="lz4")
pyarrow_file("pyarrow_uncompressed", base, compression="none")
pyarrow_file("pyarrow_int96", base, int96=True, use_deprecated_int96_timestamps=True)
pyarrow_file("pyarrow_no_dictionary", base, use_dictionary=False)
pyarrow_file("pyarrow_tiny_row_groups", base, row_group_size=37)
pyarrow_file("pyarrow_page_index", base, write_page_index=True)
pyarrow_file("pyarrow_all_nulls", all_null)
pyarrow_file("pyarrow_all_nulls_v2", all_null, data_page_version="2.0")
pyarrow_file("pyarrow_empty", empty)
pyarrow_file("pyarrow_bss", base.select(["f64", "f32", "i32", "i64"]), use_dictionary=False, column_encoding="BYTE_STREAM_SPLIT")
pyarrow_file("pyarrow_delta", base.select(["i32", "i64", "s_null", "cat"]), use_dictionary=False,
             column_encoding={"i32": "DELTA_BINARY_PACKED", "i64": "DELTA_BINARY_PACKED", "s_null": "DELTA_LENGTH_BYTE_ARRAY", "cat": "DELTA_BYTE_ARRAY"})
pyarrow_file("pyarrow_delta_v2", edge.select(["s", "i64_extreme"]), use_dictionary=False, data_page_version="2.0",
             column_encoding={"s": "DELTA_BYTE_ARRAY", "i64_extreme": "DELTA_BINARY_PACKED"})
pyarrow_file("pyarrow_dictionary_fallback", big, dictionary_pagesize_limit=64 * 1024)
pyarrow_file("pyarrow_small_pages_gzip", base, data_page_size=512, compression="gzip")
pyarrow_file("pyarrow_ns_timestamps_v2_6", base.select(["ts_ns", "ts_ns_tz"]), version="2.6")
pyarrow_file("pyarrow_float16", pa.table({"h": pa.array([1.5, None, -2.0, 65504.0, 0.0], pa.float16())}))
pyarrow_file("pyarrow_fixed_binary", pa.table({"fx": pa.array([b"abcd", None, b"\x00\x01\x02\x03"], pa.binary(4))}))

# DuckDB
duckdb_file("duckdb_default", no_unsigned)
duckdb_file("duckdb_edge", edge)
duckdb_file("duckdb_v2", no_unsigned, ", PARQUET_VERSION V2")
duckdb_file("duckdb_v2_edge", edge, ", PARQUET_VERSION V2")
duckdb_file("duckdb_zstd", no_unsigned, ", COMPRESSION zstd")
duckdb_file("duckdb_gzip", no_unsigned, ", COMPRESSION gzip")
duckdb_file("duckdb_uncompressed", no_unsigned, ", COMPRESSION uncompressed")
duckdb_file("duckdb_tiny_row_groups", no_unsigned, ", ROW_GROUP_SIZE 100")
duckdb_file("duckdb_all_nulls", all_null)
duckdb_file("duckdb_big", big)

# Polars
polars_file("polars_default", no_unsigned)
polars_file("polars_edge", edge)
polars_file("polars_snappy", no_unsigned, compression="snappy")
polars_file("polars_gzip", no_unsigned, compression="gzip")
polars_file("polars_lz4", no_unsigned, compression="lz4")
polars_file("polars_uncompressed", no_unsigned, compression="uncompressed")
polars_file("polars_small_row_groups", no_unsigned, row_group_size=100)
polars_file("polars_all_nulls", all_null)
polars_file("polars_empty", empty.drop_columns(["u8", "u32", "u64"]))

print(len([f for f in os.listdir(out) if f.endswith(".parquet")]))
