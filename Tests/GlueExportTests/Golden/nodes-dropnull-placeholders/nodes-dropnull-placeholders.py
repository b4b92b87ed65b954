import sys
from awsglue.transforms import *
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext
from awsglue.context import GlueContext
from awsglue.job import Job
from awsglue.dynamicframe import DynamicFrame
from pyspark.sql import functions as SqlFuncs

def dropNullFieldsWithPlaceholders(glueContext, frame, isEmpty, isNullString, isNegOne, placeholders, transformation_ctx) -> DynamicFrame:
    def kind(name):
        name = name.lower()
        if name in ("tinyint", "smallint", "int", "integer", "bigint", "long", "short", "byte"):
            return "integral"
        if name in ("float", "double"):
            return "fractional"
        if name == "string" or name.startswith("char") or name.startswith("varchar"):
            return "string"
        return name.split("(")[0]
    df = frame.toDF()
    checks = []
    for field in df.schema.fields:
        column = SqlFuncs.col("`" + field.name.replace("`", "``") + "`")
        fieldKind = kind(field.dataType.simpleString())
        tokens = []
        if fieldKind == "string":
            tokens += [""] if isEmpty else []
            tokens += ["null"] if isNullString else []
        if fieldKind in ("integral", "fractional", "decimal") and isNegOne:
            tokens.append("-1")
        tokens += [value for value, typeName in placeholders if kind(typeName) == fieldKind]
        nullish = column.isNull()
        for token in tokens:
            nullish = nullish | SqlFuncs.coalesce(column == SqlFuncs.lit(token).cast(field.dataType), SqlFuncs.lit(False))
        checks.append(SqlFuncs.sum(SqlFuncs.when(nullish, 0).otherwise(1)).alias(str(len(checks))))
    if not checks:
        return frame
    counts = df.agg(*checks).collect()[0]
    keep = [field.name for index, field in enumerate(df.schema.fields) if (counts[index] or 0) > 0]
    return DynamicFrame.fromDF(df.select(*[SqlFuncs.col("`" + name.replace("`", "``") + "`") for name in keep]), glueContext, transformation_ctx)

# Exported by localglue 0.1.0 from job nodes-dropnull-placeholders: the same nodes, written as Glue Studio writes them.
args = getResolvedOptions(sys.argv, ['JOB_NAME'])
sc = SparkContext()
glueContext = GlueContext(sc)
spark = glueContext.spark_session
job = Job(glueContext)
job.init(args['JOB_NAME'], args)

# Script generated for node Readings
Readings_source = glueContext.create_dynamic_frame.from_options(format_options={}, connection_type="s3", format="parquet", connection_options={"paths": ["s3://raw/readings/"], "recurse": True}, transformation_ctx="Readings_source")

# Script generated for node Drop Null Fields
DropNullFields_nulls = dropNullFieldsWithPlaceholders(glueContext, frame=Readings_source, isEmpty=True, isNullString=True, isNegOne=True, placeholders=[("n/a", "string"), ("999", "int")], transformation_ctx="DropNullFields_nulls")

# Script generated for node Readings out
Readingsout_target = glueContext.write_dynamic_frame.from_options(frame=DropNullFields_nulls, connection_type="s3", format="parquet", connection_options={"path": "s3://curated/readings/", "partitionKeys": []}, transformation_ctx="Readingsout_target")

job.commit()
