# PySpark script exported by localglue 0.1.0 from job localglue-bench-W4: the DataFrame API only (no awsglue),
# for spark-submit on Spark 3.x or 4.x, with the semantics LocalGlue runs the job with.
#
#   spark-submit localglue-bench-W4.pyspark.py [--NODE_ID PATH ...] [--path-prefix s3://=s3a://]
#
# Each S3 path of the job is an option named after its node; --path-prefix FROM=TO rewrites the start of
# the default paths (repeatable). Outputs are overwritten.
import argparse

from pyspark.sql import SparkSession
from pyspark.sql import functions as F

parser = argparse.ArgumentParser(description="Job localglue-bench-W4, exported by localglue.")
parser.add_argument("--source", dest="path_0", nargs="+", metavar="PATH", help="S3ParquetSource node 'events Parquet' (source) reads s3://localglue-bench/input/parquet/")
parser.add_argument("--target", dest="path_1", metavar="PATH", help="S3DirectTarget node 'output' (target) writes s3://localglue-bench/output/W4/")
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

spark = SparkSession.builder.appName("localglue-bench-W4").getOrCreate()
# LocalGlue's semantics: Spark with ANSI mode off (Spark 4 turns it on), timestamps in UTC as on Glue.
spark.conf.set("spark.sql.ansi.enabled", "false")
spark.conf.set("spark.sql.session.timeZone", "UTC")
# Parquet timestamps as LocalGlue writes them: INT64 microseconds adjusted to UTC (Spark's default is INT96).
spark.conf.set("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS")

# Node events Parquet (S3ParquetSource source)
eventsParquet_source = spark.read.format("parquet").options(**{"recursiveFileLookup": "true"}).load(_paths(args.path_0, ["s3://localglue-bench/input/parquet/"]))

# Node SQL (SparkSQL sql)
eventsParquet_source.createOrReplaceTempView("events")
SQL_sql = spark.sql('''
SELECT order_id, country, CAST(event_time AS DATE) AS event_date, CAST(quantity * unit_price AS DECIMAL(12,2)) AS amount FROM events WHERE country IN ('United States', 'Germany', 'France', 'Japan', 'Brazil', 'India', 'Canada', 'Australia') AND quantity > 2
''')

# Node output (S3DirectTarget target)
SQL_sql.write.mode("overwrite").format("parquet").options(**{"compression": "snappy"}).save(_paths([args.path_1] if args.path_1 else None, ["s3://localglue-bench/output/W4/"])[0])

spark.stop()
