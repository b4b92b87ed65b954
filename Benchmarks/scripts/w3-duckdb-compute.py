"""DuckDB's side of PipelineBench w3: the events Parquet loaded into a table (not timed), then the
W3 GROUP BY timed alone, median of RUNS, at 2 threads and at 1.

Usage: python w3-duckdb-compute.py FILE [RUNS]
"""
import statistics
import sys
import time

import duckdb

runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
con = duckdb.connect()
con.execute("CREATE TABLE events AS SELECT order_id, country, category, quantity, unit_price FROM read_parquet(?)", [sys.argv[1]])
query = ("SELECT country, category, sum(quantity * unit_price) AS revenue, count(*) AS orders "
         "FROM events GROUP BY country, category ORDER BY country, category")
for threads in (2, 1):
    con.execute(f"SET threads={threads}")
    con.execute(query).fetchall()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        rows = con.execute(query).fetchall()
        times.append(time.perf_counter() - start)
    print(f"DuckDB W3 compute, threads {threads}: {statistics.median(times):.4f} s median of {runs} ({len(rows)} groups)")
