"""Runs SQL queries through DuckDB for the differential tests of GlueExecution.

Usage: duckdb_queries.py DIR
DIR holds left.csv, right.csv (header rows; empty field = null) and queries.txt (one query per
line, tables `l` and `r`). Prints one JSON line per query: the result rows as lists, null as null.
"""
import json
import sys

import duckdb

directory = sys.argv[1]
con = duckdb.connect()
con.execute("SET threads=2")
types_l = {"k": "VARCHAR", "g": "BIGINT", "v": "BIGINT", "x": "DOUBLE"}
types_r = {"k2": "VARCHAR", "g2": "BIGINT", "w": "BIGINT"}
con.execute(f"CREATE TABLE l AS SELECT * FROM read_csv('{directory}/left.csv', header=true, columns={types_l!r}, nullstr='')")
con.execute(f"CREATE TABLE r AS SELECT * FROM read_csv('{directory}/right.csv', header=true, columns={types_r!r}, nullstr='')")
with open(f"{directory}/queries.txt", encoding="utf-8") as queries:
    for query in queries:
        query = query.strip()
        if not query:
            continue
        rows = con.execute(query).fetchall()
        print(json.dumps([[None if value is None else (float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else value) for value in row] for row in rows], ensure_ascii=False))
