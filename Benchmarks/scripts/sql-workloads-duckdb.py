"""W2, W3 and W4 of performance-anchors.md in DuckDB, as the reference for LocalGlue's SparkSQL jobs.

Usage:
  sql-workloads-duckdb.py parquet INPUT.csv OUTPUT.parquet   write the W4 input from the CSV (pyarrow:
                                                              snappy, dictionary, 262,144-row groups)
  sql-workloads-duckdb.py run W INPUT OUTPUT                  run workload W (2 threads), write OUTPUT
  sql-workloads-duckdb.py check W INPUT OURS_DIR              compare LocalGlue's output folder with
                                                              DuckDB's result; exit 1 on a difference
"""
import sys

import duckdb

SCHEMA = ("{'order_id': 'BIGINT', 'customer_id': 'BIGINT', 'country': 'VARCHAR', 'category': 'VARCHAR', "
          "'event_time': 'TIMESTAMP', 'quantity': 'INTEGER', 'unit_price': 'DOUBLE', 'discount': 'DOUBLE', 'note': 'VARCHAR'}")
COUNTRIES = "('United States', 'Germany', 'France', 'Japan', 'Brazil', 'India', 'Canada', 'Australia')"


def source(path):
    if path.endswith(".parquet"):
        return f"read_parquet('{path}')"
    return (f"read_csv('{path}', header=true, delim=',', quote='\"', escape='\"', columns={SCHEMA}, "
            "timestampformat='%Y-%m-%dT%H:%M:%S.%g', nullstr='', strict_mode=false, parallel=true)")


def query(workload, path):
    if workload in ("W2", "W4"):
        return (f"SELECT order_id, country, CAST(event_time AS DATE) AS event_date, "
                f"CAST(quantity * unit_price AS DECIMAL(12,2)) AS amount FROM {source(path)} "
                f"WHERE country IN {COUNTRIES} AND quantity > 2")
    if workload == "W3":
        return (f"SELECT country, category, sum(quantity * unit_price) AS revenue, count(*) AS orders "
                f"FROM {source(path)} GROUP BY country, category ORDER BY country, category")
    raise SystemExit(f"unknown workload {workload}")


def main():
    mode = sys.argv[1]
    con = duckdb.connect()
    con.execute("SET threads=2")
    if mode == "parquet":
        import pyarrow.parquet as pq
        table = con.sql(f"SELECT * FROM {source(sys.argv[2])}").to_arrow_table()
        if hasattr(table, "read_all"):
            table = table.read_all()
        pq.write_table(table, sys.argv[3], compression="snappy", use_dictionary=True, row_group_size=262_144)
        return
    workload, path = sys.argv[2], sys.argv[3]
    if mode == "run":
        out = sys.argv[4]
        if workload == "W3":
            con.execute(f"COPY ({query(workload, path)}) TO '{out}' (HEADER, DELIMITER ',')")
        else:
            con.execute(f"COPY ({query(workload, path)}) TO '{out}' (FORMAT parquet, COMPRESSION snappy)")
        return
    ours_dir = sys.argv[4]
    if workload == "W3":
        ours = f"read_csv('{ours_dir}/*', header=true, columns={{'country': 'VARCHAR', 'category': 'VARCHAR', 'revenue': 'DOUBLE', 'orders': 'BIGINT'}})"
        expected = con.execute(query(workload, path)).fetchall()
        actual = con.execute(f"SELECT * FROM {ours}").fetchall()
        problems = []
        if len(actual) != len(expected):
            problems.append(f"{len(actual)} groups, DuckDB {len(expected)}")
        for a, e in zip(actual, expected):
            if a[0] != e[0] or a[1] != e[1] or a[3] != e[3] or abs(a[2] - e[2]) > 1e-6 * max(1.0, abs(e[2])):
                problems.append(f"row {a} vs DuckDB {e}")
                break
        print(f"W3: {len(actual)} groups (DuckDB {len(expected)}), in order" + ("" if not problems else "; " + "; ".join(problems)))
        sys.exit(1 if problems else 0)
    ours = f"read_parquet('{ours_dir}/*.parquet')"
    con.execute(f"CREATE TABLE expected AS {query(workload, path)}")
    con.execute(f"CREATE TABLE actual AS SELECT * FROM {ours}")
    counts = con.execute("SELECT (SELECT count(*) FROM actual), (SELECT count(*) FROM expected)").fetchone()
    types = con.execute("SELECT string_agg(column_name || ' ' || column_type, ', ') FROM (DESCRIBE actual)").fetchone()[0]
    missing = con.execute("SELECT count(*) FROM (SELECT * FROM expected EXCEPT ALL SELECT * FROM actual)").fetchone()[0]
    extra = con.execute("SELECT count(*) FROM (SELECT * FROM actual EXCEPT ALL SELECT * FROM expected)").fetchone()[0]
    print(f"{workload}: {counts[0]} rows (DuckDB {counts[1]}); columns {types}; rows only in DuckDB's result: {missing}, only in ours: {extra}")
    sys.exit(0 if counts[0] == counts[1] and missing == 0 and extra == 0 else 1)


main()
