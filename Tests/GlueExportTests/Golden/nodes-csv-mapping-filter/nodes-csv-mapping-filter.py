import sys
from awsglue.transforms import *
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext
from awsglue.context import GlueContext
from awsglue.job import Job
import re

# Exported by localglue 0.1.0 from job nodes-csv-mapping-filter: the same nodes, written as Glue Studio writes them.
args = getResolvedOptions(sys.argv, ['JOB_NAME'])
sc = SparkContext()
glueContext = GlueContext(sc)
spark = glueContext.spark_session
job = Job(glueContext)
job.init(args['JOB_NAME'], args)

# Script generated for node Amazon S3
AmazonS3_node1700000000001 = glueContext.create_dynamic_frame.from_options(format_options={"quoteChar": "'", "withHeader": True, "separator": "|", "multiLine": False, "escaper": "\\", "optimizePerformance": False}, connection_type="s3", format="csv", connection_options={"paths": ["s3://raw/events/", "s3://raw/events-late/"], "recurse": True}, transformation_ctx="AmazonS3_node1700000000001")

# Script generated for node Change Schema
ChangeSchema_node1700000000002 = ApplyMapping.apply(frame=AmazonS3_node1700000000001, mappings=[("id", "bigint", "id", "int"), ("kind", "string", "kind", "string"), ("score", "double", "score", "decimal(12,2)"), ("flag", "boolean", "flag", "boolean"), ("note", "string", "comment", "string"), ("day", "string", "day", "date")], transformation_ctx="ChangeSchema_node1700000000002")

# Script generated for node Filter
Filter_node1700000000003 = Filter.apply(frame=ChangeSchema_node1700000000002, f=lambda row: (row["score"] > 10.5 and row["id"] <= 1000 and bool(re.match("click|view", row["kind"])) and not (row["comment"] is None) and row["flag"] == True), transformation_ctx="Filter_node1700000000003")

# Script generated for node Either
Either_node1700000000004 = Filter.apply(frame=Filter_node1700000000003, f=lambda row: (row["kind"] == "view" or not (row["id"] >= row["score"])), transformation_ctx="Either_node1700000000004")

# Script generated for node Amazon S3
AmazonS3_node1700000000005 = glueContext.write_dynamic_frame.from_options(frame=Either_node1700000000004, connection_type="s3", format="glueparquet", connection_options={"path": "s3://curated/events/", "partitionKeys": ["day", "kind"]}, format_options={"compression": "gzip"}, transformation_ctx="AmazonS3_node1700000000005")

job.commit()
