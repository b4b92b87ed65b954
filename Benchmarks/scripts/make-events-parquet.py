"""Generates events_1m.parquet (or N rows) for the Parquet benchmarks: the W1-W5 schema of
shared/reference/performance-anchors.md, written by pyarrow with snappy, dictionary on and
262,144-row row groups. Deterministic (DuckDB's hash of the row number), but not byte-identical to
the reference run's generator, so W4's row count differs from the anchors' 213,841.

Usage: python make-events-parquet.py OUTPUT [ROWS]
"""
import sys

import duckdb
import pyarrow.parquet as pq

output = sys.argv[1]
rows = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
countries = ["United States", "Germany", "France", "Japan", "Brazil", "India", "Canada", "Australia", "United Kingdom", "Italy",
             "Spain", "Mexico", "South Korea", "Netherlands", "Sweden", "Norway", "Denmark", "Finland", "Poland", "Austria",
             "Switzerland", "Belgium", "Ireland", "Portugal", "Greece", "Turkey", "Israel", "Egypt", "South Africa", "Nigeria",
             "Kenya", "Argentina", "Chile", "Peru", "Colombia", "China", "Taiwan", "Vietnam", "Thailand", "Indonesia",
             "Malaysia", "Singapore", "Philippines", "New Zealand", "Czechia", "Hungary", "Romania", "Ukraine", "Iceland", "Côte d'Ivoire"]
country_list = "[" + ", ".join("'%s'" % c.replace("'", "''") for c in countries) + "]"
con = duckdb.connect()
table = con.sql(f"""
SELECT
  i + 1 AS order_id,
  (hash(i * 3) % 100000 + 1)::BIGINT AS customer_id,
  {country_list}[1 + floor(50 * pow((hash(i) % 1000000) / 1000000.0, 2))::INT] AS country,
  'category_' || lpad(((hash(i * 5) % 20))::VARCHAR, 2, '0') AS category,
  TIMESTAMP '2025-01-01' + to_milliseconds((hash(i * 7) % 31536000000)::BIGINT) AS event_time,
  (1 + hash(i * 11) % 20)::INTEGER AS quantity,
  round((hash(i * 13) % 100000) / 100.0, 2)::DOUBLE AS unit_price,
  CASE WHEN hash(i * 17) % 20 = 0 THEN NULL ELSE round((hash(i * 17) % 30) / 100.0, 2)::DOUBLE END AS discount,
  CASE WHEN hash(i * 19) % 4 = 0 THEN NULL ELSE 'note ' || (hash(i * 23) % 100000)::VARCHAR END AS note
FROM range({rows}) t(i)
ORDER BY i
""").to_arrow_table()
pq.write_table(table, output, compression="snappy", use_dictionary=True, row_group_size=262_144)
print(output, table.num_rows)
