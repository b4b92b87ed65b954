# PySpark script exported by localglue 0.1.0 from job nodes-glue-only: the DataFrame API only (no awsglue),
# for spark-submit on Spark 3.x or 4.x, with the semantics LocalGlue runs the job with.
#
#   spark-submit nodes-glue-only.pyspark.py [--NODE_ID PATH ...] [--path-prefix s3://=s3a://]
#
# Each S3 path of the job is an option named after its node; --path-prefix FROM=TO rewrites the start of
# the default paths (repeatable). Outputs are overwritten.
import argparse

from pyspark.sql import SparkSession
from pyspark.sql import functions as F

parser = argparse.ArgumentParser(description="Job nodes-glue-only, exported by localglue.")
parser.add_argument("--source", dest="path_0", nargs="+", metavar="PATH", help="S3ParquetSource node 'Readings' (source) reads s3://raw/readings/")
parser.add_argument("--sample", dest="path_1", metavar="PATH", help="Spigot node 'Spigot' (sample) writes s3://samples/readings/")
parser.add_argument("--target", dest="path_2", metavar="PATH", help="S3DirectTarget node 'Readings out' (target) writes s3://curated/readings/")
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

def _fill_missing_values(df, imputed, filled):
    """LocalGlue's FillMissingValues, a documented simple imputation (not Glue's ML model): the nulls
    of a numeric field get the mean of its values (rounded half away from zero for integers), of
    another field its most frequent value (ties: the first in the frame's order), in a new field."""
    matches = [f for f in df.schema.fields if f.name == imputed] or [f for f in df.schema.fields if f.name.lower() == imputed.lower()]
    field = matches[0]
    column = F.col("`" + field.name.replace("`", "``") + "`")
    kind = _family(field.dataType.simpleString())
    fill = F.lit(None).cast(field.dataType)
    if kind in ("integral", "fractional", "decimal"):
        mean = df.agg(F.avg(column.cast("double"))).collect()[0][0]
        if mean is not None:
            if kind == "integral":
                text = str(int(abs(mean) + 0.5) * (1 if mean >= 0 else -1))
            else:
                text = repr(float(mean))
            fill = F.lit(text).cast(field.dataType)
    else:
        counted = (df.select(column.alias("value"), F.monotonically_increasing_id().alias("position"))
                   .where(F.col("value").isNotNull())
                   .groupBy("value").agg(F.count(F.lit(1)).alias("count"), F.min("position").alias("first"))
                   .orderBy(F.desc("count"), F.asc("first")).limit(1).collect())
        if counted:
            fill = F.lit(counted[0]["value"]).cast(field.dataType)
    return df.withColumn(filled, F.coalesce(column, fill))

spark = SparkSession.builder.appName("nodes-glue-only").getOrCreate()
# LocalGlue's semantics: Spark with ANSI mode off (Spark 4 turns it on), timestamps in UTC as on Glue.
spark.conf.set("spark.sql.ansi.enabled", "false")
spark.conf.set("spark.sql.session.timeZone", "UTC")
# Parquet timestamps as LocalGlue writes them: INT64 microseconds adjusted to UTC (Spark's default is INT96).
spark.conf.set("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS")

# Node Readings (S3ParquetSource source)
Readings_source = spark.read.format("parquet").options(**{"recursiveFileLookup": "true"}).load(_paths(args.path_0, ["s3://raw/readings/"]))

# Node Spigot (Spigot sample)
# Spigot: the first 10 records in the frame's order as JSON Lines under its path; every record passes on.
_json_ready(spark.createDataFrame(Readings_source.take(10), Readings_source.schema)).coalesce(1).write.mode("overwrite").format("json").options(**{"ignoreNullFields": "false"}).save(_paths([args.path_1] if args.path_1 else None, ["s3://samples/readings/"])[0])
Spigot_sample = Readings_source

# Node Fill Missing Values (FillMissingValues filled)
FillMissingValues_filled = _fill_missing_values(Spigot_sample, "value", "value_filled")

# Node Readings out (S3DirectTarget target)
FillMissingValues_filled.write.mode("overwrite").format("parquet").options(**{"compression": "snappy"}).save(_paths([args.path_2] if args.path_2 else None, ["s3://curated/readings/"])[0])

spark.stop()
