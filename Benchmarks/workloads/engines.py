"""W1-W5 of shared/reference/performance-anchors.md on the comparison engines, one workload per
process so the runner times the whole process (interpreter, imports and engine start included).

Usage: engines.py ENGINE WORKLOAD INPUT_DIR OUTPUT_DIR
  ENGINE    duckdb | polars | spark   (2 threads each, as the anchors prescribe)
  WORKLOAD  W1 .. W5
  INPUT_DIR holds events.csv and events.parquet; OUTPUT_DIR is created and must not exist.

Every engine reads the CSV with the explicit schema and the RFC 4180 dialect (quoted fields may
hold line breaks), and writes:
  W1  result.csv: one row of the ten aggregates, with a header
  W2  Parquet (snappy): order_id, country, event_date, amount
  W3  result.csv: country, category, revenue, orders, ordered by country, category
  W4  as W2, from events.parquet
  W5  Parquet (snappy) partitioned by country in country=<value>/ folders
"""
import os
import sys

COUNTRIES = ["United States", "Germany", "France", "Japan", "Brazil", "India", "Canada", "Australia"]
W1_SQL = ("count(*) AS rows, sum(order_id) AS sum_order_id, sum(customer_id) AS sum_customer_id, "
          "count(country) AS n_country, count(category) AS n_category, max(event_time) AS max_event_time, "
          "sum(quantity) AS sum_quantity, sum(unit_price) AS sum_unit_price, count(discount) AS n_discount, "
          "count(note) AS n_note")
COUNTRY_LIST = ", ".join("'%s'" % c for c in COUNTRIES)
W2_SQL = ("SELECT order_id, country, CAST(event_time AS DATE) AS event_date, "
          "CAST(quantity * unit_price AS DECIMAL(12,2)) AS amount FROM events "
          f"WHERE country IN ({COUNTRY_LIST}) AND quantity > 2")
W3_SQL = ("SELECT country, category, sum(quantity * unit_price) AS revenue, count(*) AS orders "
          "FROM events GROUP BY country, category ORDER BY country, category")


def run_duckdb(workload, source, out):
    import duckdb
    con = duckdb.connect()
    con.execute("SET threads=2")
    csv = os.path.join(source, "events.csv")
    if workload == "W4":
        con.execute(f"CREATE VIEW events AS SELECT * FROM read_parquet('{os.path.join(source, 'events.parquet')}')")
    else:
        con.execute(f"""CREATE VIEW events AS SELECT * FROM read_csv('{csv}', header=true, delim=',', quote='"',
            escape='"', new_line='\\n', columns={{'order_id':'BIGINT','customer_id':'BIGINT','country':'VARCHAR',
            'category':'VARCHAR','event_time':'TIMESTAMP','quantity':'INTEGER','unit_price':'DOUBLE',
            'discount':'DOUBLE','note':'VARCHAR'}})""")
    os.makedirs(out)
    if workload == "W1":
        con.execute(f"COPY (SELECT {W1_SQL} FROM events) TO '{out}/result.csv' (HEADER)")
    elif workload in ("W2", "W4"):
        con.execute(f"COPY ({W2_SQL}) TO '{out}/part-0.parquet' (FORMAT parquet, COMPRESSION snappy)")
    elif workload == "W3":
        con.execute(f"COPY ({W3_SQL}) TO '{out}/result.csv' (HEADER)")
    elif workload == "W5":
        con.execute(f"COPY (SELECT * FROM events) TO '{out}/data' (FORMAT parquet, COMPRESSION snappy, PARTITION_BY (country))")


def run_polars(workload, source, out):
    import polars as pl
    schema = {"order_id": pl.Int64, "customer_id": pl.Int64, "country": pl.String, "category": pl.String,
              "event_time": pl.Datetime("ms"), "quantity": pl.Int32, "unit_price": pl.Float64,
              "discount": pl.Float64, "note": pl.String}
    if workload == "W4":
        events = pl.scan_parquet(os.path.join(source, "events.parquet"))
    else:
        events = pl.scan_csv(os.path.join(source, "events.csv"), schema=schema, has_header=True, quote_char='"')
    os.makedirs(out)
    if workload == "W1":
        frame = events.select(
            pl.len().alias("rows"), pl.col("order_id").sum().alias("sum_order_id"),
            pl.col("customer_id").sum().alias("sum_customer_id"), pl.col("country").count().alias("n_country"),
            pl.col("category").count().alias("n_category"), pl.col("event_time").max().alias("max_event_time"),
            pl.col("quantity").cast(pl.Int64).sum().alias("sum_quantity"), pl.col("unit_price").sum().alias("sum_unit_price"),
            pl.col("discount").count().alias("n_discount"), pl.col("note").count().alias("n_note")).collect()
        frame.write_csv(os.path.join(out, "result.csv"))
    elif workload in ("W2", "W4"):
        frame = events.filter(pl.col("country").is_in(COUNTRIES) & (pl.col("quantity") > 2)).select(
            "order_id", "country", pl.col("event_time").cast(pl.Date).alias("event_date"),
            (pl.col("quantity") * pl.col("unit_price")).cast(pl.Decimal(12, 2)).alias("amount"))
        frame.sink_parquet(os.path.join(out, "part-0.parquet"), compression="snappy")
    elif workload == "W3":
        frame = events.group_by("country", "category").agg(
            (pl.col("quantity") * pl.col("unit_price")).sum().alias("revenue"), pl.len().alias("orders")
        ).sort("country", "category").collect()
        frame.write_csv(os.path.join(out, "result.csv"))
    elif workload == "W5":
        events.collect().write_parquet(os.path.join(out, "data"), compression="snappy", partition_by="country")


def run_spark(workload, source, out):
    from pyspark.sql import SparkSession
    spark = (SparkSession.builder.master("local[2]").appName("localglue-bench-" + workload)
             .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2")
             .config("spark.driver.memory", "2g").getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    schema = ("order_id BIGINT, customer_id BIGINT, country STRING, category STRING, event_time TIMESTAMP, "
              "quantity INT, unit_price DOUBLE, discount DOUBLE, note STRING")
    if workload == "W4":
        events = spark.read.parquet(os.path.join(source, "events.parquet"))
    else:
        events = spark.read.csv(os.path.join(source, "events.csv"), schema=schema, header=True, multiLine=True,
                                quote='"', escape='"', timestampFormat="yyyy-MM-dd'T'HH:mm:ss.SSS")
    events.createOrReplaceTempView("events")
    if workload == "W1":
        spark.sql(f"SELECT {W1_SQL} FROM events").coalesce(1).write.csv(out, header=True)
    elif workload in ("W2", "W4"):
        spark.sql(W2_SQL).write.parquet(out, compression="snappy")
    elif workload == "W3":
        spark.sql(W3_SQL).coalesce(1).write.csv(out, header=True)
    elif workload == "W5":
        events.write.partitionBy("country").parquet(os.path.join(out, "data"), compression="snappy")
    spark.stop()


if __name__ == "__main__":
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    engine, workload, source, out = sys.argv[1:]
    {"duckdb": run_duckdb, "polars": run_polars, "spark": run_spark}[engine](workload, source, out)
