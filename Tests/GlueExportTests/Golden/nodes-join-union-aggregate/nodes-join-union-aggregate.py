import sys
from awsglue.transforms import *
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext
from awsglue.context import GlueContext
from awsglue.job import Job
from awsglue.dynamicframe import DynamicFrame
from pyspark.sql import functions as SqlFuncs

def sparkUnion(glueContext, unionType, mapping, transformation_ctx) -> DynamicFrame:
    for alias, frame in mapping.items():
        frame.toDF().createOrReplaceTempView(alias)
    result = spark.sql("(select * from source1) UNION " + unionType + " (select * from source2)")
    return DynamicFrame.fromDF(result, glueContext, transformation_ctx)

def sparkAggregate(glueContext, parentFrame, groups, aggs, transformation_ctx) -> DynamicFrame:
    aggsFuncs = []
    for column, func in aggs:
        aggsFuncs.append(getattr(SqlFuncs, func)(column))
    result = parentFrame.toDF().groupBy(*groups).agg(*aggsFuncs) if len(groups) > 0 else parentFrame.toDF().agg(*aggsFuncs)
    return DynamicFrame.fromDF(result, glueContext, transformation_ctx)

# Exported by localglue 0.1.0 from job nodes-join-union-aggregate: the same nodes, written as Glue Studio writes them.
args = getResolvedOptions(sys.argv, ['JOB_NAME'])
sc = SparkContext()
glueContext = GlueContext(sc)
spark = glueContext.spark_session
job = Job(glueContext)
job.init(args['JOB_NAME'], args)

# Script generated for node Customers
Customers_customers = glueContext.create_dynamic_frame.from_options(format_options={}, connection_type="s3", format="parquet", connection_options={"paths": ["s3://raw/customers/"], "recurse": True}, transformation_ctx="Customers_customers")

# Script generated for node Orders
Orders_orders = glueContext.create_dynamic_frame.from_options(format_options={}, connection_type="s3", format="parquet", connection_options={"paths": ["s3://raw/orders/"], "recurse": True}, transformation_ctx="Orders_orders")

# Script generated for node Orders 2023
Orders2023_orders2023 = glueContext.create_dynamic_frame.from_options(format_options={}, connection_type="s3", format="parquet", connection_options={"paths": ["s3://raw/orders-2023/"], "recurse": True}, transformation_ctx="Orders2023_orders2023")

# Script generated for node Union
Union_allorders = sparkUnion(glueContext, unionType="DISTINCT", mapping={"source1": Orders_orders, "source2": Orders2023_orders2023}, transformation_ctx="Union_allorders")

# Script generated for node Union all
Unionall_everyorder = sparkUnion(glueContext, unionType="ALL", mapping={"source1": Orders_orders, "source2": Orders2023_orders2023}, transformation_ctx="Unionall_everyorder")

# Script generated for node Orders without customer
Unionall_everyorderDF = Unionall_everyorder.toDF()
Customers_customersDF = Customers_customers.toDF()
Orderswithoutcustomer_anti = DynamicFrame.fromDF(Unionall_everyorderDF.join(Customers_customersDF, (Unionall_everyorderDF["customer_id"] == Customers_customersDF["cust_id"]), "leftanti"), glueContext, "Orderswithoutcustomer_anti")

# Script generated for node Distinct rows
Distinctrows_distinctrows = DynamicFrame.fromDF(Orderswithoutcustomer_anti.toDF().dropDuplicates(), glueContext, "Distinctrows_distinctrows")

# Script generated for node Grand total
Grandtotal_grand = sparkAggregate(glueContext, parentFrame=Distinctrows_distinctrows, groups=[], aggs=[["order_id", "count"]], transformation_ctx="Grandtotal_grand")

# Script generated for node Grand
Grand_grandout = glueContext.write_dynamic_frame.from_options(frame=Grandtotal_grand, connection_type="s3", format="parquet", connection_options={"path": "s3://curated/grand/", "partitionKeys": []}, format_options={"compression": "uncompressed"}, transformation_ctx="Grand_grandout")

# Script generated for node Join
Join_joined = Join.apply(frame1=Union_allorders, frame2=Customers_customers, keys1=["customer_id"], keys2=["cust_id"], transformation_ctx="Join_joined")

# Script generated for node Drop Duplicates
DropDuplicates_unique = DynamicFrame.fromDF(Join_joined.toDF().dropDuplicates(["order_id"]), glueContext, "DropDuplicates_unique")

# Script generated for node Aggregate
Aggregate_totals = sparkAggregate(glueContext, parentFrame=DropDuplicates_unique, groups=["country"], aggs=[["amount", "sum"], ["order_id", "countDistinct"], ["amount", "avg"], ["amount", "sumDistinct"]], transformation_ctx="Aggregate_totals")

# Script generated for node Totals
Totals_totalsout = glueContext.write_dynamic_frame.from_options(frame=Aggregate_totals, connection_type="s3", format="csv", connection_options={"path": "s3://curated/totals/", "partitionKeys": [], "compression": "gzip"}, transformation_ctx="Totals_totalsout")

job.commit()
