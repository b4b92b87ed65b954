import sys
from awsglue.transforms import *
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext
from awsglue.context import GlueContext
from awsglue.job import Job
from awsglue.dynamicframe import DynamicFrame

# Exported by localglue 0.1.0 from job rds-snapshot-orders: the same nodes, written as Glue Studio writes them.
args = getResolvedOptions(sys.argv, ['JOB_NAME'])
sc = SparkContext()
glueContext = GlueContext(sc)
spark = glueContext.spark_session
job = Job(glueContext)
job.init(args['JOB_NAME'], args)

# Script generated for node RDS export: sales.customers
RDSexportsalescustomers_customers = glueContext.create_dynamic_frame.from_options(format_options={}, connection_type="s3", format="parquet", connection_options={"paths": ["s3://data-lake-snapshot-rds-test-s3/exports/rds-snapshot-export-2024-10-28/salesdb/sales.customers/"], "recurse": True}, transformation_ctx="RDSexportsalescustomers_customers")

# Script generated for node Rename customer key
Renamecustomerkey_customerkey = RenameField.apply(frame=RDSexportsalescustomers_customers, old_name="customer_id", new_name="cust_id", transformation_ctx="Renamecustomerkey_customerkey")

# Script generated for node RDS export: sales.orders
RDSexportsalesorders_orders = glueContext.create_dynamic_frame.from_options(format_options={}, connection_type="s3", format="parquet", connection_options={"paths": ["s3://data-lake-snapshot-rds-test-s3/exports/rds-snapshot-export-2024-10-28/salesdb/sales.orders/"], "recurse": True}, transformation_ctx="RDSexportsalesorders_orders")

# Script generated for node Drop cancelled orders
Dropcancelledorders_notcancelled = Filter.apply(frame=RDSexportsalesorders_orders, f=lambda row: (not (row["status"] == "cancelled")), transformation_ctx="Dropcancelledorders_notcancelled")

# Script generated for node Join customers
Dropcancelledorders_notcancelledDF = Dropcancelledorders_notcancelled.toDF()
Renamecustomerkey_customerkeyDF = Renamecustomerkey_customerkey.toDF()
Joincustomers_withcustomer = DynamicFrame.fromDF(Dropcancelledorders_notcancelledDF.join(Renamecustomerkey_customerkeyDF, (Dropcancelledorders_notcancelledDF["customer_id"] == Renamecustomerkey_customerkeyDF["cust_id"]), "left"), glueContext, "Joincustomers_withcustomer")

# Script generated for node Curated columns
Curatedcolumns_curated = ApplyMapping.apply(frame=Joincustomers_withcustomer, mappings=[("order_id", "bigint", "order_id", "bigint"), ("order_date", "date", "order_date", "date"), ("name", "string", "customer", "string"), ("country", "string", "country", "string"), ("amount", "decimal(10,2)", "amount", "decimal(10,2)"), ("status", "string", "status", "string")], transformation_ctx="Curatedcolumns_curated")

# Script generated for node Target: data_lake_target.orders_by_country
Targetdata_lake_targetorders_by_country_target = glueContext.getSink(path="s3://data-lake-test-target-s3/orders_by_country/", connection_type="s3", updateBehavior="UPDATE_IN_DATABASE", partitionKeys=["country"], enableUpdateCatalog=True, transformation_ctx="Targetdata_lake_targetorders_by_country_target")
Targetdata_lake_targetorders_by_country_target.setCatalogInfo(catalogDatabase="data_lake_target", catalogTableName="orders_by_country")
Targetdata_lake_targetorders_by_country_target.setFormat("glueparquet", compression="snappy")
Targetdata_lake_targetorders_by_country_target.writeFrame(Curatedcolumns_curated)

job.commit()
