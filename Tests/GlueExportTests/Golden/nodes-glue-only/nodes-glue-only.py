import sys
from awsglue.transforms import *
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext
from awsglue.context import GlueContext
from awsglue.job import Job
from awsglueml.transforms import FillMissingValues

# Exported by localglue 0.1.0 from job nodes-glue-only: the same nodes, written as Glue Studio writes them.
args = getResolvedOptions(sys.argv, ['JOB_NAME'])
sc = SparkContext()
glueContext = GlueContext(sc)
spark = glueContext.spark_session
job = Job(glueContext)
job.init(args['JOB_NAME'], args)

# Script generated for node Readings
Readings_source = glueContext.create_dynamic_frame.from_options(format_options={}, connection_type="s3", format="parquet", connection_options={"paths": ["s3://raw/readings/"], "recurse": True}, transformation_ctx="Readings_source")

# Script generated for node Spigot
Spigot_sample = Spigot.apply(frame=Readings_source, path="s3://samples/readings/", options={"topk": 10}, transformation_ctx="Spigot_sample")

# Script generated for node Fill Missing Values
FillMissingValues_filled = FillMissingValues.apply(frame=Spigot_sample, missing_values_column="value", output_column="value_filled", transformation_ctx="FillMissingValues_filled")

# Script generated for node Readings out
Readingsout_target = glueContext.write_dynamic_frame.from_options(frame=FillMissingValues_filled, connection_type="s3", format="parquet", connection_options={"path": "s3://curated/readings/", "partitionKeys": []}, transformation_ctx="Readingsout_target")

job.commit()
