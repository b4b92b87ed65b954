# PySpark script exported by localglue 0.1.0 from job nodes-split-sql: the DataFrame API only (no awsglue),
# for spark-submit on Spark 3.x or 4.x, with the semantics LocalGlue runs the job with.
#
#   spark-submit nodes-split-sql.pyspark.py [--NODE_ID PATH ...] [--path-prefix s3://=s3a://]
#
# Each S3 path of the job is an option named after its node; --path-prefix FROM=TO rewrites the start of
# the default paths (repeatable). Outputs are overwritten.
import argparse

from pyspark.sql import SparkSession
from pyspark.sql import functions as F

parser = argparse.ArgumentParser(description="Job nodes-split-sql, exported by localglue.")
parser.add_argument("--events", dest="path_0", nargs="+", metavar="PATH", help="S3CsvSource node 'Events' (events) reads s3://raw/events/")
parser.add_argument("--rest-out", dest="path_1", metavar="PATH", help="S3DirectTarget node 'Countries' (rest-out) writes s3://curated/countries/")
parser.add_argument("--sql-out", dest="path_2", metavar="PATH", help="S3DirectTarget node 'Totals' (sql-out) writes s3://curated/by-country/")
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

def _select_fields(df, names):
    """Glue's SelectFields: the listed top-level fields in the listed order; unknown names are ignored."""
    present = {f.name.lower(): f.name for f in df.schema.fields}
    return df.select(*[F.col("`" + present[n.lower()].replace("`", "``") + "`") for n in names if n.lower() in present])

spark = SparkSession.builder.appName("nodes-split-sql").getOrCreate()
# LocalGlue's semantics: Spark with ANSI mode off (Spark 4 turns it on), timestamps in UTC as on Glue.
spark.conf.set("spark.sql.ansi.enabled", "false")
spark.conf.set("spark.sql.session.timeZone", "UTC")
# Parquet timestamps as LocalGlue writes them: INT64 microseconds adjusted to UTC (Spark's default is INT96).
spark.conf.set("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS")

# Node Events (S3CsvSource events)
Events_events = spark.read.format("csv").options(**{"header": "true", "sep": "\t", "quote": "\x00", "escape": "\"", "multiLine": "false", "mode": "DROPMALFORMED", "recursiveFileLookup": "true"}).schema("`id` bigint, `country` string, `amount` double").load(_paths(args.path_0, ["s3://raw/events/"]))

# Node Split Fields (SplitFields split)
# SplitFields: a collection of two frames, taken apart by the SelectFromCollection nodes below.
SplitFields_split = Events_events

# Node Numbers (SelectFromCollection numbers)
Numbers_numbers = _select_fields(SplitFields_split, ["id", "amount"])

# Node Rest (SelectFromCollection rest)
Rest_rest = SplitFields_split.drop("id", "amount")

# Node Countries (S3DirectTarget rest-out)
Rest_rest.write.mode("overwrite").format("csv").options(**{"header": "true"}).save(_paths([args.path_1] if args.path_1 else None, ["s3://curated/countries/"])[0])

# Node SQL Query (SparkSQL sql)
Numbers_numbers.createOrReplaceTempView("numbers")
Events_events.createOrReplaceTempView("events")
SQLQuery_sql = spark.sql('''
SELECT e.country, sum(n.amount) AS total, count(*) AS n
FROM numbers n JOIN events e ON n.id = e.id
WHERE e.country <> 'XX'
GROUP BY e.country
''')

# Node Totals (S3DirectTarget sql-out)
SQLQuery_sql.write.mode("overwrite").partitionBy("country").format("parquet").options(**{"compression": "snappy"}).save(_paths([args.path_2] if args.path_2 else None, ["s3://curated/by-country/"])[0])

spark.stop()
