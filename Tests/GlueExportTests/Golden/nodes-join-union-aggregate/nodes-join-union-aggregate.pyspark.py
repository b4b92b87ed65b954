# PySpark script exported by localglue 0.1.0 from job nodes-join-union-aggregate: the DataFrame API only (no awsglue),
# for spark-submit on Spark 3.x or 4.x, with the semantics LocalGlue runs the job with.
#
#   spark-submit nodes-join-union-aggregate.pyspark.py [--NODE_ID PATH ...] [--path-prefix s3://=s3a://]
#
# Each S3 path of the job is an option named after its node; --path-prefix FROM=TO rewrites the start of
# the default paths (repeatable). Outputs are overwritten.
import argparse

from pyspark.sql import SparkSession
from pyspark.sql import functions as F

parser = argparse.ArgumentParser(description="Job nodes-join-union-aggregate, exported by localglue.")
parser.add_argument("--customers", dest="path_0", nargs="+", metavar="PATH", help="S3ParquetSource node 'Customers' (customers) reads s3://raw/customers/")
parser.add_argument("--orders", dest="path_1", nargs="+", metavar="PATH", help="S3ParquetSource node 'Orders' (orders) reads s3://raw/orders/")
parser.add_argument("--orders-2023", dest="path_2", nargs="+", metavar="PATH", help="S3ParquetSource node 'Orders 2023' (orders-2023) reads s3://raw/orders-2023/")
parser.add_argument("--grand-out", dest="path_3", metavar="PATH", help="S3DirectTarget node 'Grand' (grand-out) writes s3://curated/grand/")
parser.add_argument("--totals-out", dest="path_4", metavar="PATH", help="S3DirectTarget node 'Totals' (totals-out) writes s3://curated/totals/")
parser.add_argument("--path-prefix", action="append", default=[], metavar="FROM=TO", help="rewrite the start of the job's default paths (repeatable), e.g. s3://=file:///data/")
args = parser.parse_args()

def _rewrite(path):
    """Applies the first --path-prefix FROM=TO whose FROM starts the path."""
    for rule in args.path_prefix:
        old, sep, new = rule.partition("=")
        if sep and path.startswith(old):
            return new + path[len(old):]
    return path


def _paths(given, defaults):
    """The paths given on the command line as they are, else the job's paths rewritten."""
    if given:
        return given
    return [_rewrite(path) for path in defaults]


def _col(path):
    """A column by path segments (nested fields), quoted with back-ticks."""
    return F.col(".".join("`" + part.replace("`", "``") + "`" for part in path))


def _field_type(df, path):
    """The data type at a path (names compared without case, as Spark and Glue do), or None."""
    fields = df.schema.fields
    found = None
    for part in path:
        match = [f for f in fields if f.name.lower() == part.lower()]
        if not match:
            return None
        found = match[0].dataType
        fields = getattr(found, "fields", [])
    return found


def _family(name):
    name = name.lower()
    if name in ("tinyint", "smallint", "int", "bigint"):
        return "integral"
    if name in ("float", "double"):
        return "fractional"
    if name == "string" or name.startswith("char") or name.startswith("varchar"):
        return "string"
    for prefix in ("timestamp", "decimal", "struct", "array", "map"):
        if name.startswith(prefix):
            return prefix
    return name

def _aggregate(df, groups, aggs):
    """Glue Studio's Aggregate: Spark's functions by name; output columns get Spark's names."""
    names = {"countDistinct": "count_distinct", "sumDistinct": "sum_distinct"}
    functions = []
    for column, func in aggs:
        function = getattr(F, names.get(func, func), None) or getattr(F, func)
        functions.append(function(_col(column)))
    return df.groupBy(*[_col(g) for g in groups]).agg(*functions) if groups else df.agg(*functions)

def _drop_duplicates(df, names):
    """DropDuplicates on some fields as LocalGlue runs it: of each set of rows equal in those fields
    (nulls equal), the first in the frame's order is kept; Spark's dropDuplicates keeps any one."""
    from pyspark.sql import Window
    position, rank = "__localglue_position", "__localglue_rank"
    ordered = df.withColumn(position, F.monotonically_increasing_id())
    window = Window.partitionBy(*[_col([name]) for name in names]).orderBy(position)
    return ordered.withColumn(rank, F.row_number().over(window)).where(F.col(rank) == 1).drop(position, rank)

spark = SparkSession.builder.appName("nodes-join-union-aggregate").getOrCreate()
# LocalGlue's semantics: Spark with ANSI mode off (Spark 4 turns it on), timestamps in UTC as on Glue.
spark.conf.set("spark.sql.ansi.enabled", "false")
spark.conf.set("spark.sql.session.timeZone", "UTC")
# Parquet timestamps as LocalGlue writes them: INT64 microseconds adjusted to UTC (Spark's default is INT96).
spark.conf.set("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS")

# Node Customers (S3ParquetSource customers)
Customers_customers = spark.read.format("parquet").options(**{"recursiveFileLookup": "true"}).load(_paths(args.path_0, ["s3://raw/customers/"]))

# Node Orders (S3ParquetSource orders)
Orders_orders = spark.read.format("parquet").options(**{"recursiveFileLookup": "true"}).load(_paths(args.path_1, ["s3://raw/orders/"]))

# Node Orders 2023 (S3ParquetSource orders-2023)
Orders2023_orders2023 = spark.read.format("parquet").options(**{"recursiveFileLookup": "true"}).load(_paths(args.path_2, ["s3://raw/orders-2023/"]))

# Node Union (Union all-orders)
# Columns match by position, as in Studio's UNION DISTINCT.
Union_allorders = Orders_orders.union(Orders2023_orders2023).distinct()

# Node Union all (Union every-order)
# Columns match by position, as in Studio's UNION ALL.
Unionall_everyorder = Orders_orders.union(Orders2023_orders2023)

# Node Orders without customer (Join anti)
# Glue's Join keeps the fields of both sides; a null key never matches.
Orderswithoutcustomer_anti = Unionall_everyorder.join(Customers_customers, (Unionall_everyorder["customer_id"] == Customers_customers["cust_id"]), "left_anti")

# Node Distinct rows (DropDuplicates distinct-rows)
Distinctrows_distinctrows = Orderswithoutcustomer_anti.dropDuplicates()

# Node Grand total (Aggregate grand)
Grandtotal_grand = _aggregate(Distinctrows_distinctrows, [], [(["order_id"], "count")])

# Node Grand (S3DirectTarget grand-out)
Grandtotal_grand.write.mode("overwrite").format("parquet").options(**{"compression": "none"}).save(_paths([args.path_3] if args.path_3 else None, ["s3://curated/grand/"])[0])

# Node Join (Join joined)
# Glue's Join keeps the fields of both sides; a null key never matches.
Join_joined = Union_allorders.join(Customers_customers, (Union_allorders["customer_id"] == Customers_customers["cust_id"]), "inner")

# Node Drop Duplicates (DropDuplicates unique)
DropDuplicates_unique = _drop_duplicates(Join_joined, ["order_id"])

# Node Aggregate (Aggregate totals)
Aggregate_totals = _aggregate(DropDuplicates_unique, [["country"]], [(["amount"], "sum"), (["order_id"], "countDistinct"), (["amount"], "avg"), (["amount"], "sumDistinct")])

# Node Totals (S3DirectTarget totals-out)
Aggregate_totals.write.mode("overwrite").format("csv").options(**{"header": "true", "compression": "gzip"}).save(_paths([args.path_4] if args.path_4 else None, ["s3://curated/totals/"])[0])

spark.stop()
