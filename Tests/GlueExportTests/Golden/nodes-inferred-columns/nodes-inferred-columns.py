import sys
from awsglue.transforms import *
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext
from awsglue.context import GlueContext
from awsglue.job import Job

# Exported by localglue 0.1.0 from job nodes-inferred-columns: the same nodes, written as Glue Studio writes them.
args = getResolvedOptions(sys.argv, ['JOB_NAME'])
sc = SparkContext()
glueContext = GlueContext(sc)
spark = glueContext.spark_session
job = Job(glueContext)
job.init(args['JOB_NAME'], args)

# Script generated for node Events CSV
EventsCSV_csv = glueContext.create_dynamic_frame.from_options(format_options={"quoteChar": "\"", "withHeader": True, "separator": ",", "optimizePerformance": False}, connection_type="s3", format="csv", connection_options={"paths": ["s3://raw/events-csv/"], "recurse": True}, transformation_ctx="EventsCSV_csv")

# Script generated for node Events JSON
EventsJSON_json = glueContext.create_dynamic_frame.from_options(format_options={"multiline": False}, connection_type="s3", format="json", connection_options={"paths": ["s3://raw/events-json/"], "recurse": True}, transformation_ctx="EventsJSON_json")

# Script generated for node JSON out
JSONout_jsonout = glueContext.write_dynamic_frame.from_options(frame=EventsJSON_json, connection_type="s3", format="json", connection_options={"path": "s3://curated/json/", "partitionKeys": []}, transformation_ctx="JSONout_jsonout")

# Script generated for node Orders
Orders_orders = glueContext.create_dynamic_frame.from_options(format_options={}, connection_type="s3", format="parquet", connection_options={"paths": ["s3://raw/orders-parquet/"], "recurse": True}, transformation_ctx="Orders_orders")

# Script generated for node Cheap
Cheap_cheap = Filter.apply(frame=Orders_orders, f=lambda row: (row["amount"] < 50 or row["quantity"] == 1), transformation_ctx="Cheap_cheap")

# Script generated for node Orders out
Ordersout_ordersout = glueContext.write_dynamic_frame.from_options(frame=Cheap_cheap, connection_type="s3", format="parquet", connection_options={"path": "s3://curated/orders/", "partitionKeys": []}, transformation_ctx="Ordersout_ordersout")

# Script generated for node Scored
Scored_scored = Filter.apply(frame=EventsCSV_csv, f=lambda row: (row["score"] >= 2), transformation_ctx="Scored_scored")

# Script generated for node CSV out
CSVout_csvout = glueContext.write_dynamic_frame.from_options(frame=Scored_scored, connection_type="s3", format="csv", connection_options={"path": "s3://curated/csv/", "partitionKeys": []}, transformation_ctx="CSVout_csvout")

job.commit()
