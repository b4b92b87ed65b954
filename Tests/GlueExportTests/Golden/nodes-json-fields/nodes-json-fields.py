import sys
from awsglue.transforms import *
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext
from awsglue.context import GlueContext
from awsglue.job import Job

# Exported by localglue 0.1.0 from job nodes-json-fields: the same nodes, written as Glue Studio writes them.
args = getResolvedOptions(sys.argv, ['JOB_NAME'])
sc = SparkContext()
glueContext = GlueContext(sc)
spark = glueContext.spark_session
job = Job(glueContext)
job.init(args['JOB_NAME'], args)

# Script generated for node Customers JSON
CustomersJSON_source = glueContext.create_dynamic_frame.from_options(format_options={"multiline": False}, connection_type="s3", format="json", connection_options={"paths": ["s3://raw/customers/"], "recurse": True}, transformation_ctx="CustomersJSON_source")

# Script generated for node Select Fields
SelectFields_select = SelectFields.apply(frame=CustomersJSON_source, paths=["email", "customer_id", "name", "legacy", "created_at", "missing"], transformation_ctx="SelectFields_select")

# Script generated for node Drop Fields
DropFields_drop = DropFields.apply(frame=SelectFields_select, paths=["legacy"], transformation_ctx="DropFields_drop")

# Script generated for node Rename Field
RenameField_rename = RenameField.apply(frame=DropFields_drop, old_name="customer_id", new_name="id", transformation_ctx="RenameField_rename")

# Script generated for node Drop Null Fields
DropNullFields_nulls = DropNullFields.apply(frame=RenameField_rename, transformation_ctx="DropNullFields_nulls")

# Script generated for node Customers out
Customersout_target = glueContext.write_dynamic_frame.from_options(frame=DropNullFields_nulls, connection_type="s3", format="json", connection_options={"path": "s3://curated/customers/", "partitionKeys": [], "compression": "gzip"}, transformation_ctx="Customersout_target")

job.commit()
