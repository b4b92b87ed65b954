"""Writes the tiny Parquet fixtures of SampleData/parquet/ (each under a kilobyte) with pyarrow,
DuckDB and Polars from the project's .venv. Deterministic: same library versions, same bytes
(DuckDB and Polars embed their version in created_by).

Usage: .venv/bin/python scripts/make-parquet-fixtures.py
"""
import datetime
import decimal
import os

import duckdb
import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq

out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "SampleData", "parquet")
os.makedirs(out, exist_ok=True)

table = pa.table({
    "id": pa.array([1, 2, 3, 4, 5], pa.int64()),
    "name": pa.array(["Zoë", None, "東京", "", "Ålesund"], pa.string()),
    "amount": pa.array([decimal.Decimal("12.34"), decimal.Decimal("-0.50"), None, decimal.Decimal("99999999.99"), decimal.Decimal("0.00")], pa.decimal128(10, 2)),
    "ts": pa.array([datetime.datetime(2024, 10, 28, 12, 0, 0, 123456), None, datetime.datetime(1969, 12, 31, 23, 59, 59),
                    datetime.datetime(9999, 12, 31, 23, 59, 59, 999999), datetime.datetime(1970, 1, 1)], pa.timestamp("us", tz="UTC")),
    "ratio": pa.array([0.5, float("nan"), -0.0, None, 1e300], pa.float64()),
})

# pyarrow: v2 data pages, ZSTD, no ARROW:schema (keeps the file small).
pq.write_table(table.select(["id", "name", "amount", "ratio"]), os.path.join(out, "pyarrow-v2-zstd.parquet"), data_page_version="2.0", compression="zstd", store_schema=False)
# pyarrow: legacy INT96 timestamps, SNAPPY, version 1.0 (PLAIN_DICTIONARY pages).
pq.write_table(table.select(["id", "ts"]), os.path.join(out, "pyarrow-int96.parquet"), use_deprecated_int96_timestamps=True, version="1.0", store_schema=False)
# DuckDB: PARQUET_VERSION V2 (DELTA_BINARY_PACKED, BYTE_STREAM_SPLIT, DELTA_LENGTH_BYTE_ARRAY).
con = duckdb.connect()
con.register("t", table.select(["id", "name", "ratio"]))
con.execute("COPY (SELECT * FROM t) TO '%s' (FORMAT parquet, PARQUET_VERSION V2)" % os.path.join(out, "duckdb-v2.parquet"))
con.close()
# Polars: its defaults (ZSTD, page index, LogicalType-only timestamps).
pl.from_arrow(table.select(["id", "name"])).write_parquet(os.path.join(out, "polars-default.parquet"), statistics=True)
for name in sorted(os.listdir(out)):
    print(name, os.path.getsize(os.path.join(out, name)))
