import sys
from awsglue.transforms import *
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext
from awsglue.context import GlueContext
from awsglue.job import Job

# Exported by localglue 0.1.0 from job nodes-catalog: the same nodes, written as Glue Studio writes them.
args = getResolvedOptions(sys.argv, ['JOB_NAME'])
sc = SparkContext()
glueContext = GlueContext(sc)
spark = glueContext.spark_session
job = Job(glueContext)
job.init(args['JOB_NAME'], args)

# Script generated for node Raw events
Rawevents_events = glueContext.create_dynamic_frame.from_catalog(database="sagemaker_rawdata", table_name="events", push_down_predicate="partition_0 = '2024'", transformation_ctx="Rawevents_events")

# Script generated for node Events copy
Eventscopy_eventsout = glueContext.write_dynamic_frame.from_options(frame=Rawevents_events, connection_type="s3", format="json", connection_options={"path": "s3://curated/events/", "partitionKeys": []}, transformation_ctx="Eventscopy_eventsout")

# Script generated for node Orders
Orders_orders = glueContext.create_dynamic_frame.from_catalog(database="data_lake_snapshot", table_name="sales_orders", transformation_ctx="Orders_orders")

# Script generated for node Big orders
Bigorders_big = Filter.apply(frame=Orders_orders, f=lambda row: (row["amount"] >= 100), transformation_ctx="Bigorders_big")

# Script generated for node Orders copy
Orderscopy_ordersout = glueContext.write_dynamic_frame.from_catalog(frame=Bigorders_big, database="data_lake_target", table_name="orders", transformation_ctx="Orderscopy_ordersout")

job.commit()
