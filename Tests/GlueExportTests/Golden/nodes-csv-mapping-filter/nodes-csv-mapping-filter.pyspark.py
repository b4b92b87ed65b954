# PySpark script exported by localglue 0.1.0 from job nodes-csv-mapping-filter: the DataFrame API only (no awsglue),
# for spark-submit on Spark 3.x or 4.x, with the semantics LocalGlue runs the job with.
#
#   spark-submit nodes-csv-mapping-filter.pyspark.py [--NODE_ID PATH ...] [--path-prefix s3://=s3a://]
#
# Each S3 path of the job is an option named after its node; --path-prefix FROM=TO rewrites the start of
# the default paths (repeatable). Outputs are overwritten.
import argparse

from pyspark.sql import SparkSession
from pyspark.sql import functions as F

parser = argparse.ArgumentParser(description="Job nodes-csv-mapping-filter, exported by localglue.")
parser.add_argument("--node-1700000000001", dest="path_0", nargs="+", metavar="PATH", help="S3CsvSource node 'Amazon S3' (node-1700000000001) reads s3://raw/events/ s3://raw/events-late/")
parser.add_argument("--node-1700000000005", dest="path_1", metavar="PATH", help="S3GlueParquetTarget node 'Amazon S3' (node-1700000000005) writes s3://curated/events/")
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

spark = SparkSession.builder.appName("nodes-csv-mapping-filter").getOrCreate()
# LocalGlue's semantics: Spark with ANSI mode off (Spark 4 turns it on), timestamps in UTC as on Glue.
spark.conf.set("spark.sql.ansi.enabled", "false")
spark.conf.set("spark.sql.session.timeZone", "UTC")
# Parquet timestamps as LocalGlue writes them: INT64 microseconds adjusted to UTC (Spark's default is INT96).
spark.conf.set("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS")

# Node Amazon S3 (S3CsvSource node-1700000000001)
AmazonS3_node1700000000001 = spark.read.format("csv").options(**{"header": "true", "sep": "|", "quote": "'", "escape": "\\", "multiLine": "false", "mode": "DROPMALFORMED", "recursiveFileLookup": "true"}).schema("`id` bigint, `kind` string, `score` double, `flag` boolean, `note` string, `day` string").load(_paths(args.path_0, ["s3://raw/events/", "s3://raw/events-late/"]))

# Node Change Schema (ApplyMapping node-1700000000002)
ChangeSchema_node1700000000002 = _apply_mapping(AmazonS3_node1700000000001, [(["id"], "bigint", "id", "int"), (["kind"], "string", "kind", "string"), (["score"], "double", "score", "decimal(12,2)"), (["flag"], "boolean", "flag", "boolean"), (["note"], "string", "comment", "string"), (["day"], "string", "day", "date")])

# Node Filter (Filter node-1700000000003)
Filter_node1700000000003 = _studio_filter(ChangeSchema_node1700000000002, "AND", [("GT", False, [("column", ["score"]), ("constant", "10.5")]), ("LTE", False, [("column", ["id"]), ("constant", "1000")]), ("REGEX", False, [("column", ["kind"]), ("constant", "click|view")]), ("ISNULL", True, [("column", ["comment"])]), ("EQ", False, [("column", ["flag"]), ("constant", "true")])])

# Node Either (Filter node-1700000000004)
Either_node1700000000004 = _studio_filter(Filter_node1700000000003, "OR", [("EQ", False, [("column", ["kind"]), ("constant", "view")]), ("GTE", True, [("column", ["id"]), ("column", ["score"])])])

# Node Amazon S3 (S3GlueParquetTarget node-1700000000005)
Either_node1700000000004.write.mode("overwrite").partitionBy("day", "kind").format("parquet").options(**{"compression": "gzip"}).save(_paths([args.path_1] if args.path_1 else None, ["s3://curated/events/"])[0])

spark.stop()
