import sys
from awsglue.transforms import *
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext
from awsglue.context import GlueContext
from awsglue.job import Job

# Exported by localglue 0.1.0 from job orders-csv-to-parquet: the same nodes, written as Glue Studio writes them.
args = getResolvedOptions(sys.argv, ['JOB_NAME'])
sc = SparkContext()
glueContext = GlueContext(sc)
spark = glueContext.spark_session
job = Job(glueContext)
job.init(args['JOB_NAME'], args)

# Script generated for node Orders CSV
OrdersCSV_node1 = glueContext.create_dynamic_frame.from_options(format_options={"quoteChar": "\"", "withHeader": True, "separator": ",", "optimizePerformance": False}, connection_type="s3", format="csv", connection_options={"paths": ["s3://my-raw-bucket/orders/"], "recurse": True}, transformation_ctx="OrdersCSV_node1")

# Script generated for node Cast columns
Castcolumns_node2 = ApplyMapping.apply(frame=OrdersCSV_node1, mappings=[("order_id", "string", "order_id", "long"), ("amount", "string", "amount", "double"), ("country", "string", "country", "string"), ("order_date", "string", "order_date", "date")], transformation_ctx="Castcolumns_node2")

# Script generated for node Large orders
Largeorders_node3 = Filter.apply(frame=Castcolumns_node2, f=lambda row: (row["amount"] > 100), transformation_ctx="Largeorders_node3")

# Script generated for node Curated orders
Curatedorders_node4 = glueContext.write_dynamic_frame.from_options(frame=Largeorders_node3, connection_type="s3", format="glueparquet", connection_options={"path": "s3://my-curated-bucket/orders/", "partitionKeys": ["country"]}, format_options={"compression": "snappy"}, transformation_ctx="Curatedorders_node4")

job.commit()
