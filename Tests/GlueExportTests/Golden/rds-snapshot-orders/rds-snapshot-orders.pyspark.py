# PySpark script exported by localglue 0.1.0 from job rds-snapshot-orders: the DataFrame API only (no awsglue),
# for spark-submit on Spark 3.x or 4.x, with the semantics LocalGlue runs the job with.
#
#   spark-submit rds-snapshot-orders.pyspark.py [--NODE_ID PATH ...] [--path-prefix s3://=s3a://]
#
# Each S3 path of the job is an option named after its node; --path-prefix FROM=TO rewrites the start of
# the default paths (repeatable). Outputs are overwritten.
import argparse

from pyspark.sql import SparkSession
from pyspark.sql import functions as F

parser = argparse.ArgumentParser(description="Job rds-snapshot-orders, exported by localglue.")
parser.add_argument("--customers", dest="path_0", nargs="+", metavar="PATH", help="S3ParquetSource node 'RDS export: sales.customers' (customers) reads s3://data-lake-snapshot-rds-test-s3/exports/rds-snapshot-export-2024-10-28/salesdb/sales.customers/")
parser.add_argument("--orders", dest="path_1", nargs="+", metavar="PATH", help="S3ParquetSource node 'RDS export: sales.orders' (orders) reads s3://data-lake-snapshot-rds-test-s3/exports/rds-snapshot-export-2024-10-28/salesdb/sales.orders/")
parser.add_argument("--target", dest="path_2", metavar="PATH", help="S3CatalogTarget node 'Target: data_lake_target.orders_by_country' (target) writes s3://data-lake-test-target-s3/orders_by_country/")
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

def _apply_mapping(df, mappings):
    """Glue's ApplyMapping: only the mapped fields; a missing field, or one whose type is not the
    declared source type's kind, becomes nulls of the target type; other values are cast."""
    columns = []
    for source, source_type, target, target_type in mappings:
        actual = _field_type(df, source)
        if actual is None or (source_type is not None and _family(actual.simpleString()) != _family(source_type)):
            column = F.lit(None).cast(target_type or source_type or "string")
        elif target_type is None or actual.simpleString() == target_type:
            column = _col(source)
        else:
            column = _col(source).cast(target_type)
        columns.append(column.alias(target))
    return df.select(*columns)

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

spark = SparkSession.builder.appName("rds-snapshot-orders").getOrCreate()
# LocalGlue's semantics: Spark with ANSI mode off (Spark 4 turns it on), timestamps in UTC as on Glue.
spark.conf.set("spark.sql.ansi.enabled", "false")
spark.conf.set("spark.sql.session.timeZone", "UTC")
# Parquet timestamps as LocalGlue writes them: INT64 microseconds adjusted to UTC (Spark's default is INT96).
spark.conf.set("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS")

# Node RDS export: sales.customers (S3ParquetSource customers)
RDSexportsalescustomers_customers = spark.read.format("parquet").options(**{"recursiveFileLookup": "true"}).load(_paths(args.path_0, ["s3://data-lake-snapshot-rds-test-s3/exports/rds-snapshot-export-2024-10-28/salesdb/sales.customers/"]))

# Node Rename customer key (RenameField customer-key)
Renamecustomerkey_customerkey = RDSexportsalescustomers_customers.withColumnRenamed("customer_id", "cust_id")

# Node RDS export: sales.orders (S3ParquetSource orders)
RDSexportsalesorders_orders = spark.read.format("parquet").options(**{"recursiveFileLookup": "true"}).load(_paths(args.path_1, ["s3://data-lake-snapshot-rds-test-s3/exports/rds-snapshot-export-2024-10-28/salesdb/sales.orders/"]))

# Node Drop cancelled orders (Filter not-cancelled)
Dropcancelledorders_notcancelled = _studio_filter(RDSexportsalesorders_orders, "AND", [("EQ", True, [("column", ["status"]), ("constant", "cancelled")])])

# Node Join customers (Join with-customer)
# Glue's Join keeps the fields of both sides; a null key never matches.
Joincustomers_withcustomer = Dropcancelledorders_notcancelled.join(Renamecustomerkey_customerkey, (Dropcancelledorders_notcancelled["customer_id"] == Renamecustomerkey_customerkey["cust_id"]), "left")

# Node Curated columns (ApplyMapping curated)
Curatedcolumns_curated = _apply_mapping(Joincustomers_withcustomer, [(["order_id"], "bigint", "order_id", "bigint"), (["order_date"], "date", "order_date", "date"), (["name"], "string", "customer", "string"), (["country"], "string", "country", "string"), (["amount"], "decimal(10,2)", "amount", "decimal(10,2)"), (["status"], "string", "status", "string")])

# Node Target: data_lake_target.orders_by_country (S3CatalogTarget target)
# The catalog table data_lake_target.orders_by_country (parquet): written under its location, partitioned by its keys,
# replacing only the partitions written. Registering the new partitions in a catalog is not done here: run
# MSCK REPAIR TABLE or a crawler, or create them with glue batch-create-partition.
Targetdata_lake_targetorders_by_country_targetFrame = _table_columns(Curatedcolumns_curated, [("order_id", "bigint"), ("order_date", "date"), ("customer", "string"), ("amount", "decimal(10,2)"), ("status", "string")], [(f.name.lower(), f.dataType.simpleString()) for f in Curatedcolumns_curated.schema.fields if f.name.lower() not in ("order_id", "order_date", "customer", "amount", "status", "country",)], ["country"])
Targetdata_lake_targetorders_by_country_targetFrame.write.mode("overwrite").option("partitionOverwriteMode", "dynamic").partitionBy("country").format("parquet").options(**{"compression": "snappy"}).save(_paths([args.path_2] if args.path_2 else None, ["s3://data-lake-test-target-s3/orders_by_country/"])[0])

spark.stop()
