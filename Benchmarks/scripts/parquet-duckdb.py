"""DuckDB's side of the Parquet benchmarks (2 threads), as a whole process.

Usage: python parquet-duckdb.py scan FILE | w4 INPUT OUTPUT
"""
import sys

import duckdb

con = duckdb.connect()
con.execute("SET threads=2")
if sys.argv[1] == "scan":
    row = con.execute(
        "SELECT count(*), sum(order_id), sum(customer_id), count(country), count(category), max(event_time), "
        "sum(quantity), sum(unit_price), count(discount), count(note) FROM read_parquet(?)", [sys.argv[2]]).fetchone()
    print("rows", row[0])
else:
    con.execute(
        "COPY (SELECT order_id, country, CAST(event_time AS DATE) AS event_date, CAST(quantity * unit_price AS DECIMAL(12,2)) AS amount "
        "FROM read_parquet('%s') WHERE country IN ('United States', 'Germany', 'France', 'Japan', 'Brazil', 'India', 'Canada', 'Australia') "
        "AND quantity > 2) TO '%s' (FORMAT parquet, COMPRESSION snappy)" % (sys.argv[2], sys.argv[3]))
    print("rows", con.execute("SELECT count(*) FROM read_parquet(?)", [sys.argv[3]]).fetchone()[0])
