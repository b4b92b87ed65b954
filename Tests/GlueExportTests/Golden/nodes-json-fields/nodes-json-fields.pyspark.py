# PySpark script exported by localglue 0.1.0 from job nodes-json-fields: the DataFrame API only (no awsglue),
# for spark-submit on Spark 3.x or 4.x, with the semantics LocalGlue runs the job with.
#
#   spark-submit nodes-json-fields.pyspark.py [--NODE_ID PATH ...] [--path-prefix s3://=s3a://]
#
# Each S3 path of the job is an option named after its node; --path-prefix FROM=TO rewrites the start of
# the default paths (repeatable). Outputs are overwritten.
import argparse

from pyspark.sql import SparkSession
from pyspark.sql import functions as F

parser = argparse.ArgumentParser(description="Job nodes-json-fields, exported by localglue.")
parser.add_argument("--source", dest="path_0", nargs="+", metavar="PATH", help="S3JsonSource node 'Customers JSON' (source) reads s3://raw/customers/")
parser.add_argument("--target", dest="path_1", metavar="PATH", help="S3DirectTarget node 'Customers out' (target) writes s3://curated/customers/")
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

def _drop_null_fields(df, is_empty, is_null_string, is_neg_one, placeholders):
    """Glue Studio's DropNullFields: drops the top-level fields whose every value is null or a
    placeholder ("" and "null" for text, -1 for numbers, and custom values of the field's kind)."""
    checks = []
    for field in df.schema.fields:
        column = F.col("`" + field.name.replace("`", "``") + "`")
        kind = field.dataType.simpleString()
        nullish = column.isNull()
        tokens = []
        if _family(kind) == "string":
            if is_empty:
                tokens.append("")
            if is_null_string:
                tokens.append("null")
        if _family(kind) in ("integral", "fractional", "decimal") and is_neg_one:
            tokens.append("-1")
        tokens += [value for value, type_name in placeholders if _family(type_name) == _family(kind)]
        for token in tokens:
            nullish = nullish | F.coalesce(column == F.lit(token).cast(field.dataType), F.lit(False))
        checks.append(F.sum(F.when(nullish, 0).otherwise(1)).alias(str(len(checks))))
    if not checks:
        return df
    counts = df.agg(*checks).collect()[0]
    keep = [field.name for index, field in enumerate(df.schema.fields) if (counts[index] or 0) > 0]
    return df.select(*[F.col("`" + name.replace("`", "``") + "`") for name in keep])

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

spark = SparkSession.builder.appName("nodes-json-fields").getOrCreate()
# LocalGlue's semantics: Spark with ANSI mode off (Spark 4 turns it on), timestamps in UTC as on Glue.
spark.conf.set("spark.sql.ansi.enabled", "false")
spark.conf.set("spark.sql.session.timeZone", "UTC")
# Parquet timestamps as LocalGlue writes them: INT64 microseconds adjusted to UTC (Spark's default is INT96).
spark.conf.set("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS")

# Node Customers JSON (S3JsonSource source)
CustomersJSON_source = spark.read.format("json").options(**{"multiLine": "false", "mode": "DROPMALFORMED", "recursiveFileLookup": "true"}).schema("`customer_id` bigint, `name` string, `email` string, `phone` string, `legacy` string, `created_at` timestamp").load(_paths(args.path_0, ["s3://raw/customers/"]))

# Node Select Fields (SelectFields select)
SelectFields_select = _select_fields(CustomersJSON_source, ["email", "customer_id", "name", "legacy", "created_at", "missing"])

# Node Drop Fields (DropFields drop)
DropFields_drop = SelectFields_select.drop("legacy")

# Node Rename Field (RenameField rename)
RenameField_rename = DropFields_drop.withColumnRenamed("customer_id", "id")

# Node Drop Null Fields (DropNullFields nulls)
DropNullFields_nulls = _drop_null_fields(RenameField_rename, False, False, False, [])

# Node Customers out (S3DirectTarget target)
# JSON Lines as LocalGlue writes them: every column (nulls too), its timestamp text.
_json_ready(DropNullFields_nulls).write.mode("overwrite").format("json").options(**{"ignoreNullFields": "false", "compression": "gzip"}).save(_paths([args.path_1] if args.path_1 else None, ["s3://curated/customers/"])[0])

spark.stop()
