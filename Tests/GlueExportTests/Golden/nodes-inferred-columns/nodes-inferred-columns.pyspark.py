# PySpark script exported by localglue 0.1.0 from job nodes-inferred-columns: the DataFrame API only (no awsglue),
# for spark-submit on Spark 3.x or 4.x, with the semantics LocalGlue runs the job with.
#
#   spark-submit nodes-inferred-columns.pyspark.py [--NODE_ID PATH ...] [--path-prefix s3://=s3a://]
#
# Each S3 path of the job is an option named after its node; --path-prefix FROM=TO rewrites the start of
# the default paths (repeatable). Outputs are overwritten.
import argparse

from pyspark.sql import SparkSession
from pyspark.sql import functions as F

parser = argparse.ArgumentParser(description="Job nodes-inferred-columns, exported by localglue.")
parser.add_argument("--csv", dest="path_0", nargs="+", metavar="PATH", help="S3CsvSource node 'Events CSV' (csv) reads s3://raw/events-csv/")
parser.add_argument("--json", dest="path_1", nargs="+", metavar="PATH", help="S3JsonSource node 'Events JSON' (json) reads s3://raw/events-json/")
parser.add_argument("--json-out", dest="path_2", metavar="PATH", help="S3DirectTarget node 'JSON out' (json-out) writes s3://curated/json/")
parser.add_argument("--orders", dest="path_3", nargs="+", metavar="PATH", help="S3ParquetSource node 'Orders' (orders) reads s3://raw/orders-parquet/")
parser.add_argument("--orders-out", dest="path_4", metavar="PATH", help="S3DirectTarget node 'Orders out' (orders-out) writes s3://curated/orders/")
parser.add_argument("--csv-out", dest="path_5", metavar="PATH", help="S3DirectTarget node 'CSV out' (csv-out) writes s3://curated/csv/")
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

spark = SparkSession.builder.appName("nodes-inferred-columns").getOrCreate()
# LocalGlue's semantics: Spark with ANSI mode off (Spark 4 turns it on), timestamps in UTC as on Glue.
spark.conf.set("spark.sql.ansi.enabled", "false")
spark.conf.set("spark.sql.session.timeZone", "UTC")
# Parquet timestamps as LocalGlue writes them: INT64 microseconds adjusted to UTC (Spark's default is INT96).
spark.conf.set("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS")

# Node Events CSV (S3CsvSource csv)
# The columns LocalGlue inferred from the lake's files at export time (Glue's CSV classifier, first file).
EventsCSV_csv = spark.read.format("csv").options(**{"header": "true", "sep": ",", "quote": "\"", "escape": "\"", "multiLine": "false", "mode": "DROPMALFORMED", "recursiveFileLookup": "true"}).schema("`id` bigint, `kind` string, `score` double").load(_paths(args.path_0, ["s3://raw/events-csv/"]))

# Node Events JSON (S3JsonSource json)
# The columns LocalGlue inferred from the lake's files at export time.
EventsJSON_json = spark.read.format("json").options(**{"multiLine": "false", "mode": "DROPMALFORMED", "recursiveFileLookup": "true"}).schema("`id` bigint, `tags` array<string>, `at` string, `ok` boolean").load(_paths(args.path_1, ["s3://raw/events-json/"]))

# Node JSON out (S3DirectTarget json-out)
# JSON Lines as LocalGlue writes them: every column (nulls too), its timestamp text.
_json_ready(EventsJSON_json).write.mode("overwrite").format("json").options(**{"ignoreNullFields": "false"}).save(_paths([args.path_2] if args.path_2 else None, ["s3://curated/json/"])[0])

# Node Orders (S3ParquetSource orders)
Orders_orders = spark.read.format("parquet").options(**{"recursiveFileLookup": "true"}).load(_paths(args.path_3, ["s3://raw/orders-parquet/"]))

# Node Cheap (Filter cheap)
Cheap_cheap = _studio_filter(Orders_orders, "OR", [("LT", False, [("column", ["amount"]), ("constant", "50")]), ("EQ", False, [("column", ["quantity"]), ("constant", "1")])])

# Node Orders out (S3DirectTarget orders-out)
Cheap_cheap.write.mode("overwrite").format("parquet").options(**{"compression": "snappy"}).save(_paths([args.path_4] if args.path_4 else None, ["s3://curated/orders/"])[0])

# Node Scored (Filter scored)
Scored_scored = _studio_filter(EventsCSV_csv, "AND", [("GTE", False, [("column", ["score"]), ("constant", "2")])])

# Node CSV out (S3DirectTarget csv-out)
Scored_scored.write.mode("overwrite").format("csv").options(**{"header": "true"}).save(_paths([args.path_5] if args.path_5 else None, ["s3://curated/csv/"])[0])

spark.stop()
