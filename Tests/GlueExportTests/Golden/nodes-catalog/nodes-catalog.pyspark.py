# PySpark script exported by localglue 0.1.0 from job nodes-catalog: the DataFrame API only (no awsglue),
# for spark-submit on Spark 3.x or 4.x, with the semantics LocalGlue runs the job with.
#
#   spark-submit nodes-catalog.pyspark.py [--NODE_ID PATH ...] [--path-prefix s3://=s3a://]
#
# Each S3 path of the job is an option named after its node; --path-prefix FROM=TO rewrites the start of
# the default paths (repeatable). Outputs are overwritten.
import argparse

from pyspark.sql import SparkSession
from pyspark.sql import functions as F

parser = argparse.ArgumentParser(description="Job nodes-catalog, exported by localglue.")
parser.add_argument("--events", dest="path_0", metavar="PATH", help="S3CatalogSource node 'Raw events' (events) writes s3://sagemaker-rawdata/raw/events/")
parser.add_argument("--events-out", dest="path_1", metavar="PATH", help="S3DirectTarget node 'Events copy' (events-out) writes s3://curated/events/")
parser.add_argument("--orders", dest="path_2", metavar="PATH", help="CatalogSource node 'Orders' (orders) writes s3://data-lake-snapshot-rds-test-s3/exports/rds-snapshot-export-2024-10-28/salesdb/sales.orders/1/")
parser.add_argument("--orders-out", dest="path_3", metavar="PATH", help="CatalogTarget node 'Orders copy' (orders-out) writes s3://data-lake-test-target-s3/orders/")
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

def _studio_filter(df, logical, filters):
    """Glue Studio's Filter lambda, row for row: a comparison with a null raises TypeError in the
    lambda and Glue drops the record (even when negated); EQ with a null is False (True when both
    sides are null); REGEX is Python's re.match (anchored at the start); and/or short-circuit left
    to right. Constants are typed like the column they meet."""
    outcomes = []
    for operation, negated, values in filters:
        raised = F.lit(False)
        if operation == "ISNULL":
            value = _col(values[0][1]).isNull()
        elif operation == "REGEX":
            kind = _field_type(df, values[0][1])
            if kind is None or kind.simpleString() != "string":
                value, raised = F.lit(False), F.lit(True)
            else:
                column = _col(values[0][1])
                value = F.coalesce(column.rlike("^(?:" + values[1][1] + ")"), F.lit(False))
                raised = column.isNull()
        else:
            operands = []
            for index, (kind, content) in enumerate(values):
                if kind == "column":
                    operands.append(_col(content))
                else:
                    other = values[1 - index]
                    other_type = _field_type(df, other[1]) if other[0] == "column" else None
                    literal = F.lit(content)
                    if other_type is not None and other_type.simpleString() not in ("string", "binary"):
                        literal = literal.cast(other_type)
                    operands.append(literal)
            left, right = operands
            compare = {"EQ": left == right, "LT": left < right, "GT": left > right, "LTE": left <= right, "GTE": left >= right}[operation]
            left_null = left.isNull() if values[0][0] == "column" else F.lit(False)
            right_null = right.isNull() if values[1][0] == "column" else F.lit(False)
            if operation == "EQ":
                value = F.when(left_null | right_null, left_null & right_null).otherwise(F.coalesce(compare, F.lit(False)))
            else:
                raised = left_null | right_null
                value = F.coalesce(compare, F.lit(False)) & ~raised
        if negated:
            value = ~value
        outcomes.append((value, raised))
    if not outcomes:
        return df
    chain = None
    for value, raised in outcomes:
        chain = F.when(raised, False) if chain is None else chain.when(raised, False)
        chain = chain.when(~value, False) if logical == "AND" else chain.when(value, True)
    return df.where(chain.otherwise(logical == "AND"))

def _table_columns(df, data_columns, added_columns, partition_keys):
    """A catalog target's files follow the table: its data columns in order, cast to their types
    (nulls for missing ones), columns added by UPDATE_IN_DATABASE, then the partition keys."""
    columns = []
    for name, type_name in data_columns + added_columns:
        if _field_type(df, [name]) is None:
            columns.append(F.lit(None).cast(type_name).alias(name))
        else:
            columns.append(_col([name]).cast(type_name).alias(name))
    for name in partition_keys:
        columns.append(_col([name]).alias(name))
    return df.select(*columns)

def _json_ready(df):
    """LocalGlue's JSON Lines text for timestamps: YYYY-MM-DDTHH:MM:SS, then .ffffff when the
    fraction is not zero, then Z for a timestamp (UTC; none for timestamp_ntz)."""
    columns = []
    for field in df.schema.fields:
        name = "`" + field.name.replace("`", "``") + "`"
        kind = field.dataType.simpleString()
        if kind in ("timestamp", "timestamp_ntz"):
            moment = F.col(name).cast("timestamp")
            fraction = F.pmod(F.expr("unix_micros(cast(" + name + " as timestamp))"), F.lit(1000000))
            text = F.concat(
                F.date_format(moment, "yyyy-MM-dd'T'HH:mm:ss"),
                F.when(fraction == 0, F.lit("")).otherwise(F.concat(F.lit("."), F.lpad(fraction.cast("string"), 6, "0"))),
                F.lit("Z" if kind == "timestamp" else ""))
            columns.append(text.alias(field.name))
        else:
            columns.append(F.col(name))
    return df.select(*columns)

def _catalog_partitions(reader, base, partitions, keys, schema):
    """A partitioned catalog table: each listed partition folder (relative to the table's location,
    or absolute) with its values as typed columns after the data columns, as from_catalog gives them."""
    frames = []
    if not base.endswith("/"):
        base += "/"
    for folder, values in partitions:
        absolute = "://" in folder or folder.startswith("/")
        frame = reader.load(_rewrite(folder) if absolute else base + folder)
        for (key, type_name), value in zip(keys, values):
            frame = frame.withColumn(key, F.lit(value).cast(type_name))
        frames.append(frame)
    if not frames:
        return spark.createDataFrame([], schema)
    result = frames[0]
    for frame in frames[1:]:
        result = result.unionByName(frame)
    return result

spark = SparkSession.builder.appName("nodes-catalog").getOrCreate()
# LocalGlue's semantics: Spark with ANSI mode off (Spark 4 turns it on), timestamps in UTC as on Glue.
spark.conf.set("spark.sql.ansi.enabled", "false")
spark.conf.set("spark.sql.session.timeZone", "UTC")
# Parquet timestamps as LocalGlue writes them: INT64 microseconds adjusted to UTC (Spark's default is INT96).
spark.conf.set("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS")

# Node Raw events (S3CatalogSource events)
# The catalog table sagemaker_rawdata.events (csv), read under its location.
# LocalGlue reads the partitions registered in the catalog that match the PartitionPredicate; these are
# the ones the lake's catalog had at export time (folder relative to the table, values as stored).
Rawevents_eventsPartitions = [("partition_0=2024/partition_1=01/partition_2=05/", ["2024", "01", "05"]),
    ("s3://archive/events/2024-02-01/", ["2024", "02", "01"]),
    ("partition_0=2024/partition_1=__HIVE_DEFAULT_PARTITION__/partition_2=x/", ["2024", None, "x"])]
Rawevents_events = _catalog_partitions(spark.read.format("csv").options(**{"header": "true", "sep": ",", "quote": "\"", "escape": "\"", "mode": "DROPMALFORMED", "recursiveFileLookup": "true"}).schema("`event_id` bigint, `customer_id` bigint, `event_type` string, `event_time` string, `value` double"), _paths([args.path_0] if args.path_0 else None, ["s3://sagemaker-rawdata/raw/events/"])[0], Rawevents_eventsPartitions, [("partition_0", "string"), ("partition_1", "string"), ("partition_2", "string")], "`event_id` bigint, `customer_id` bigint, `event_type` string, `event_time` string, `value` double, `partition_0` string, `partition_1` string, `partition_2` string")

# Node Events copy (S3DirectTarget events-out)
# JSON Lines as LocalGlue writes them: every column (nulls too), its timestamp text.
_json_ready(Rawevents_events).write.mode("overwrite").format("json").options(**{"ignoreNullFields": "false"}).save(_paths([args.path_1] if args.path_1 else None, ["s3://curated/events/"])[0])

# Node Orders (CatalogSource orders)
# The catalog table data_lake_snapshot.sales_orders (parquet), read under its location.
Orders_orders = spark.read.format("parquet").options(**{"recursiveFileLookup": "true"}).schema("`order_id` bigint, `customer_id` bigint, `order_date` date, `amount` decimal(10,2), `quantity` int, `status` string").load(_paths([args.path_2] if args.path_2 else None, ["s3://data-lake-snapshot-rds-test-s3/exports/rds-snapshot-export-2024-10-28/salesdb/sales.orders/1/"])[0])

# Node Big orders (Filter big)
Bigorders_big = _studio_filter(Orders_orders, "AND", [("GTE", False, [("column", ["amount"]), ("constant", "100")])])

# Node Orders copy (CatalogTarget orders-out)
# The catalog table data_lake_target.orders (parquet): written under its location, partitioned by its keys,
# replacing only the partitions written. Registering the new partitions in a catalog is not done here: run
# MSCK REPAIR TABLE or a crawler, or create them with glue batch-create-partition.
Orderscopy_ordersoutFrame = _table_columns(Bigorders_big, [("order_id", "bigint"), ("customer_id", "bigint"), ("order_date", "date"), ("amount", "decimal(10,2)"), ("quantity", "int"), ("status", "string")], [], [])
Orderscopy_ordersoutFrame.write.mode("overwrite").format("parquet").options(**{"compression": "snappy"}).save(_paths([args.path_3] if args.path_3 else None, ["s3://data-lake-test-target-s3/orders/"])[0])

spark.stop()
