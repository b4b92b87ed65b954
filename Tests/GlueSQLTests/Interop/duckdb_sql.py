"""Runs SQL through DuckDB for the GlueSQL differential tests.

Usage: duckdb_sql.py DIR
DIR holds tables.json ({"name": {"columns": [[name, duckdb_type], ...]}}), NAME.jsonl for each
table (one JSON object per row, every non-null value as its text) and queries.txt (one query per
line). Prints one JSON line per query: the rows as lists of normalized cells ("null", "b:true",
"n:<float>", "s:<text>", "d:<days since epoch>", "t:<microseconds since epoch>"), or
{"error": message} when DuckDB rejects the query.
"""
import datetime
import decimal
import json
import sys

import duckdb

directory = sys.argv[1]
con = duckdb.connect()
con.execute("SET threads=2")
con.execute("SET error_on_division_by_zero=false")
con.execute("SET TimeZone='UTC'")
with open(f"{directory}/tables.json", encoding="utf-8") as spec_file:
    spec = json.load(spec_file)
for name, table in spec.items():
    columns = table["columns"]
    varchar = "{" + ", ".join(f"'{c}': 'VARCHAR'" for c, _ in columns) + "}"
    casts = ", ".join(f'CAST("{c}" AS {t}) AS "{c}"' for c, t in columns)
    con.execute(f"CREATE TABLE {name} AS SELECT {casts} FROM read_json('{directory}/{name}.jsonl', format='newline_delimited', columns={varchar})")

EPOCH_DATE = datetime.date(1970, 1, 1)
EPOCH = datetime.datetime(1970, 1, 1)


def cell(value):
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "b:true" if value else "b:false"
    if isinstance(value, (int, float, decimal.Decimal)):
        return f"n:{float(value)!r}"
    if isinstance(value, datetime.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(datetime.timezone.utc).replace(tzinfo=None)
        delta = value - EPOCH
        return f"t:{delta.days * 86_400_000_000 + delta.seconds * 1_000_000 + delta.microseconds}"
    if isinstance(value, datetime.date):
        return f"d:{(value - EPOCH_DATE).days}"
    return f"s:{value}"


with open(f"{directory}/queries.txt", encoding="utf-8") as queries:
    for query in queries:
        query = query.rstrip("\n")
        if not query:
            continue
        try:
            rows = con.execute(query).fetchall()
            print(json.dumps([[cell(v) for v in row] for row in rows], ensure_ascii=False))
        except Exception as error:  # noqa: BLE001 - reported to the Swift side
            print(json.dumps({"error": str(error)}))
